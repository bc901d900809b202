/**
 * Kiosk mode: a full-screen search-and-view window for a public screen, with large touch targets,
 * an on-screen keyboard, an attract slideshow when idle, and exit only with the PIN (wrong PINs
 * lock out for a while).
 *
 * <p>Threading: the window, the panels and {@link io.clipsearch.app.kiosk.IdleTracker} are confined
 * to the EDT; photos for the slideshow load on the window's background workers. {@link
 * io.clipsearch.app.kiosk.KioskPin} and {@link io.clipsearch.app.kiosk.PinGuard} hold no Swing
 * state and are used from the EDT.
 */
package io.clipsearch.app.kiosk;
