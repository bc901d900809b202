/**
 * The People tab: the persons the server found in the current collection's photos, a row each with
 * face crops, named, merged, hidden and deleted in place; a wrong face split off from its menu.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.people.PeopleViewModel}: the persons, loaded when the tab is
 *       shown, and the changes (name, merge, split, hide, delete) sent to the server, after which
 *       it loads again.
 *   <li>{@link io.clipsearch.app.people.PeopleClient}: the server calls it makes (a fake in tests).
 *   <li>{@link io.clipsearch.app.people.PeoplePanel}: the view; crops load on workers.
 * </ol>
 */
package io.clipsearch.app.people;
