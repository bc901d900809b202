package io.clipsearch.cli;

import io.clipsearch.install.ClipsearchFolders;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code --data DIR}: the given folder, or, for the empty default, the data folder of this
 * installation or checkout ({@link ClipsearchFolders#data()}). Stateless.
 */
final class DataFolder implements ITypeConverter<Path> {

  /** The default value that stands for "this installation's data folder". */
  static final String DEFAULT = "";

  /** How the default reads in {@code --help}. */
  static final String DESCRIPTION =
      "$CLIPSEARCH_DATA_DIR, else work/data of a source checkout, else $XDG_DATA_HOME/clipsearch";

  @Override
  public Path convert(String value) {
    return value.isEmpty() ? ClipsearchFolders.current().data() : Path.of(value);
  }
}
