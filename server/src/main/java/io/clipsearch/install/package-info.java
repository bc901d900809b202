/**
 * What an installation is and where it keeps its files: {@link
 * io.clipsearch.install.ClipsearchFolders} (data, models, settings; installed program vs. source
 * checkout) and the {@code clipsearch doctor} checks ({@link io.clipsearch.install.Doctor}).
 * Imports neither Micronaut nor picocli.
 */
package io.clipsearch.install;
