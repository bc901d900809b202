/**
 * Work off the EDT and back: {@link io.clipsearch.app.tasks.BackgroundTasks}, the window-owned
 * executor whose callbacks run on the UI executor (the EDT in the app, the calling thread in tests)
 * and whose cancelled tasks deliver nothing, and {@link io.clipsearch.app.tasks.Delay}, the
 * debounce clock (Swing timers in the app, a hand-driven clock in tests).
 *
 * <p>Threading: {@code BackgroundTasks} is thread-safe; work runs on its workers and must not touch
 * components; callbacks run on the EDT. {@code Delay.swing()} schedules on the EDT.
 */
package io.clipsearch.app.tasks;
