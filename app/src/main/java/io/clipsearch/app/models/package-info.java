/**
 * The Models view: which models the server knows (the catalog with each model's size, license,
 * languages and what it is good at; the bundled model; folders placed by hand), pulling one with
 * progress, cancel and resume, its verification, and switching the library to it while search goes
 * on.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.models.ModelsViewModel}: the list, the selection, the pull and the
 *       switch, followed by polling while they run; the lines people read.
 *   <li>{@link io.clipsearch.app.models.ModelsClient}: the server calls it makes (a fake in tests).
 *   <li>{@link io.clipsearch.app.models.ModelsDialog}: the window, laid out from the view-model.
 * </ol>
 *
 * <pre>{@code
 * ModelsViewModel models = new ModelsViewModel(ModelsClient.of(client), tasks, Delay.swing());
 * models.onSwitched(search::searchAgain);
 * new ModelsDialog(window, models).open(); // loads the list
 * models.select("ViT-B-32");
 * models.pull(); // progress every 300 ms; models.cancelPull() keeps what came, pull() resumes
 * }</pre>
 *
 * <p>Threading: the view-model and the dialog are confined to the EDT; only the {@code
 * ModelsClient} calls run on the window's background workers. The main window offers the view (the
 * top bar's "Models…" and the status bar's model notice); the kiosk never does.
 */
package io.clipsearch.app.models;
