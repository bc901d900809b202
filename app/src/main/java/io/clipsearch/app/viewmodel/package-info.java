/**
 * What the app's screen states share.
 *
 * <p>{@link io.clipsearch.app.viewmodel.CollectionScopedViewModel} is the base of the view-models
 * of screens that show one collection and load it when shown: {@code ClustersViewModel} and {@code
 * PlacesViewModel}. It also names the {@link
 * io.clipsearch.app.viewmodel.CollectionScopedViewModel#DEFAULT_COLLECTION default collection} once
 * for the whole app.
 *
 * <pre>{@code
 * places.setCollection("holidays"); // drops what was shown, marks it stale
 * places.showing();                 // the tab is on screen: loads once
 * places.invalidate();              // indexing finished: loads again when next shown
 * }</pre>
 *
 * <p>Threading: EDT only; loads run on {@code BackgroundTasks} workers.
 */
package io.clipsearch.app.viewmodel;
