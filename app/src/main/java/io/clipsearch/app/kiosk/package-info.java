/**
 * Kiosk mode: a full-screen search-and-view window for a public screen, with large touch targets,
 * an on-screen keyboard, an attract slideshow when idle, and exit only with the PIN (wrong PINs
 * lock out for a while).
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.kiosk.KioskWindow}: the frame, the idle timer and the PIN; {@code
 *       KioskScreen}, built when the server answers, holds the search, detail and slideshow cards.
 *   <li>{@link io.clipsearch.app.kiosk.IdleTracker}: when the visitor left (an injected clock).
 *   <li>{@link io.clipsearch.app.kiosk.AttractPanel}: the slideshow of the collection's photos.
 *   <li>{@link io.clipsearch.app.kiosk.PinGuard} over {@link io.clipsearch.app.kiosk.KioskPin},
 *       asked by {@code PinPad}; {@code OnScreenKeyboard} types into the search bar.
 * </ol>
 *
 * <pre>{@code
 * PinGuard guard = new PinGuard(new KioskPin("2468"), System::nanoTime);
 * guard.attempt("1111"); // wrong: one try fewer, then a lockout
 * guard.attempt("2468"); // right: the kiosk may close
 * }</pre>
 *
 * <p>Threading: the window, the panels and {@code IdleTracker} are confined to the EDT; photos for
 * the slideshow load on the window's background workers. {@code KioskPin} and {@code PinGuard} hold
 * no Swing state and are used from the EDT.
 */
package io.clipsearch.app.kiosk;
