package io.clipsearch.app.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.SearchResultHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting a selection copies the originals and never overwrites a file already there. */
class PhotoExportTest {

  @TempDir Path temp;

  static SearchResultHit hit(String id, String path) {
    return new SearchResultHit(
        id, path, 0.3, true, false, null, 3, 1, 1, null, "/t/" + id, "/i/" + id);
  }

  @Test
  void sameNamesFromTwoFoldersBothArriveAndNothingIsOverwritten() throws Exception {
    Path out = temp.resolve("export");
    Files.createDirectories(out);
    Files.writeString(out.resolve("IMG_1.jpg"), "mine");
    Map<String, byte[]> served = Map.of("/i/a", new byte[] {1}, "/i/b", new byte[] {2});
    List<Path> written =
        PhotoExport.export(
            List.of(hit("a", "/x/IMG_1.jpg"), hit("b", "/y/IMG_1.jpg")), out, served::get);
    assertEquals(List.of(out.resolve("IMG_1 (2).jpg"), out.resolve("IMG_1 (3).jpg")), written);
    assertEquals("mine", Files.readString(out.resolve("IMG_1.jpg")));
    assertArrayEquals(new byte[] {2}, Files.readAllBytes(out.resolve("IMG_1 (3).jpg")));
  }
}
