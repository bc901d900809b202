/**
 * Work off the EDT and back.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.tasks.BackgroundTasks}: the window-owned executor; work runs on
 *       its workers, the result or the error comes back on the UI executor (the EDT in the app, the
 *       calling thread in tests), and a cancelled task delivers nothing.
 *   <li>{@link io.clipsearch.app.tasks.Delay}: the debounce clock (Swing timers in the app, a
 *       hand-driven clock in tests).
 * </ol>
 *
 * <pre>{@code
 * BackgroundTasks tasks = BackgroundTasks.swing("clipsearch-ui", 6);
 * BackgroundTasks.Task t = tasks.submit(() -> client.search(q), this::show, this::failed);
 * t.cancel();   // a newer search replaces it: show() is never called
 * tasks.close(); // when the window closes
 * }</pre>
 *
 * <p>Threading: {@code BackgroundTasks} is thread-safe; work runs on its workers and must not touch
 * components; callbacks run on the EDT. {@code Delay.swing()} schedules on the EDT.
 */
package io.clipsearch.app.tasks;
