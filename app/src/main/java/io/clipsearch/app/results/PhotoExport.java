package io.clipsearch.app.results;

import io.clipsearch.api.types.SearchResultHit;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Copies selected photos into a folder, byte for byte as the server serves the originals (so it
 * works against a remote server too). A name already there gets " (2)", " (3)"… rather than being
 * overwritten: an export never destroys a file. Blocking: run it off the UI thread.
 */
public final class PhotoExport {

  private PhotoExport() {}

  /**
   * @param bytes a relative API URL → bytes (the client's)
   * @return the files written, in the order of {@code photos}
   * @throws IOException if the folder cannot be created or a file written
   */
  public static List<Path> export(
      List<SearchResultHit> photos, Path folder, Function<String, byte[]> bytes)
      throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (SearchResultHit hit : photos) {
      byte[] data = bytes.apply(hit.imageUrl());
      written.add(writeNew(folder, ResultCell.fileName(hit.path()), data));
    }
    return written;
  }

  private static Path writeNew(Path folder, String name, byte[] data) throws IOException {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int n = 1; ; n++) {
      Path target = folder.resolve(n == 1 ? name : stem + " (" + n + ")" + ext);
      try {
        return Files.write(target, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        // taken: try the next number
      }
    }
  }
}
