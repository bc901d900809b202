package io.clipsearch.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.Npy;
import io.clipsearch.testing.SharedFixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset readers on the real shared datasets (small limits), exports and the heatmap. */
class LabFilesTest {

  @Test
  void readsCifarClassFolders() throws Exception {
    ImageFolderDataset d =
        ImageFolderDataset.read(
            SharedFixtures.path("datasets/cifar10-test/test"), ClassNames.fromFolderNames(), 3);
    assertEquals(10, d.classIds().size());
    assertEquals("airplane", d.classNames().getFirst());
    assertEquals(30, d.images().size());
    assertEquals(9, d.images().getLast().label());
  }

  @Test
  void folderNamesLoseTheirUnderscores() throws Exception {
    ImageFolderDataset d =
        ImageFolderDataset.read(
            SharedFixtures.path("datasets/imagenette/test"), ClassNames.fromFolderNames(), 1);
    assertEquals("cassette player", d.classNames().getFirst());
  }

  @Test
  void tinyImagenetNamesComeFromClassesTsv() throws Exception {
    Path root = SharedFixtures.path("datasets/tiny-imagenet-200");
    ImageFolderDataset d =
        ImageFolderDataset.read(
            root.resolve("val"), ClassNames.read(root.resolve("classes.tsv")), 1);
    assertEquals(200, d.classIds().size());
    assertEquals("n01443537", d.classIds().getFirst());
    assertEquals("goldfish", d.classNames().getFirst());
    assertEquals(200, d.images().size());
  }

  @Test
  void readsQuotedCaptions() throws Exception {
    Path root = SharedFixtures.path("datasets/flickr8k-1k");
    CaptionDataset d = CaptionDataset.read(root.resolve("captions.csv"), root.resolve("images"), 4);
    assertEquals(4, d.images().size());
    assertEquals(20, d.captions().size());
    assertArrayEquals(
        new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3}, d.captionImage());
    assertTrue(Files.isRegularFile(d.images().getFirst()));
    // the 8th image is 1012212859_01547e3f17.jpg, whose first caption is quoted for its comma
    CaptionDataset eight =
        CaptionDataset.read(root.resolve("captions.csv"), root.resolve("images"), 8);
    assertEquals("1012212859_01547e3f17.jpg", eight.images().getLast().getFileName().toString());
    assertTrue(
        eight
            .captions()
            .contains("A dog shakes its head near the shore , a red ball next to it ."));
  }

  @Test
  void cocoCaptionsHaveALicenseColumn() throws Exception {
    Path root = SharedFixtures.path("datasets/coco-mini");
    CaptionDataset d =
        CaptionDataset.read(
            root.resolve("captions.csv"), root.resolve("images"), Integer.MAX_VALUE);
    assertEquals(159, d.images().size());
    assertTrue(d.captions().size() >= 5 * 159, "captions: " + d.captions().size());
    assertTrue(d.captions().stream().noneMatch(c -> c.contains("License")));
  }

  @Test
  void csvQuotingRoundTrips() {
    List<List<String>> rows = Csv.parse("a,b\n\"x, \"\"y\"\"\",z\r\n\n");
    assertEquals(List.of(List.of("a", "b"), List.of("x, \"y\"", "z")), rows);
    assertEquals("\"x, \"\"y\"\"\"", Csv.quote("x, \"y\""));
  }

  @Test
  void npyHeaderParsesBack(@TempDir Path dir) throws Exception {
    List<EmbeddingExport.Row> rows =
        List.of(
            new EmbeddingExport.Row("a.jpg", "cat", new float[] {1, 0, -0.5f}),
            new EmbeddingExport.Row("b.jpg", "dog", new float[] {0.25f, 2, 3}));
    List<Path> files = EmbeddingExport.write(rows, ExportFormat.NPY, dir);
    Npy.FloatArray a = Npy.readFloat32(files.getFirst());
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(new float[] {1, 0, -0.5f, 0.25f, 2, 3}, a.data());
    byte[] bytes = Files.readAllBytes(files.getFirst());
    int dataStart = 10 + ((bytes[8] & 0xff) | (bytes[9] & 0xff) << 8);
    assertEquals(0, dataStart % 64);
    assertEquals(dataStart + 6 * 4, bytes.length);
    assertEquals('\n', bytes[dataStart - 1]);
    assertEquals(
        List.of("file\tlabel", "a.jpg\tcat", "b.jpg\tdog"), Files.readAllLines(files.get(1)));
  }

  @Test
  void tsvAndCsvExports(@TempDir Path dir) throws Exception {
    List<EmbeddingExport.Row> rows =
        List.of(new EmbeddingExport.Row("a, b.jpg", "x", new float[] {1, 0.5f}));
    EmbeddingExport.write(rows, ExportFormat.TSV, dir);
    assertEquals(List.of("1.0\t0.5"), Files.readAllLines(dir.resolve("vectors.tsv")));
    assertEquals(
        List.of("file\tlabel", "a, b.jpg\tx"), Files.readAllLines(dir.resolve("metadata.tsv")));
    EmbeddingExport.write(rows, ExportFormat.CSV, dir);
    assertEquals(
        List.of("file,label,e0,e1", "\"a, b.jpg\",x,1.0,0.5"),
        Files.readAllLines(dir.resolve("embeddings.csv")));
  }

  @Test
  void heatmapHasRoomForItsLabels(@TempDir Path dir) throws Exception {
    SimilarityMatrix m =
        new SimilarityMatrix(
            List.of("short.jpg", "a-much-longer-image-file-name.jpg"),
            List.of("a photo of a cat", "a diagram", "x"),
            new float[][] {{0.3f, 0.1f, 0.2f}, {0.0f, 0.25f, -0.1f}});
    Path png = dir.resolve("m.png");
    HeatmapImage.write(m, png);
    BufferedImage image = ImageIO.read(png.toFile());
    // 3 columns × 56 px of cells plus the widest row label on the left
    assertTrue(image.getWidth() > 3 * 56 + 150, "width " + image.getWidth());
    // 2 rows × 56 px of cells plus the rotated column labels above
    assertTrue(image.getHeight() > 2 * 56 + 60, "height " + image.getHeight());
    // labels are drawn: dark pixels left of the cells
    int dark = 0;
    for (int x = 0; x < 150; x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xff) < 100) {
          dark++;
        }
      }
    }
    assertTrue(dark > 50, "dark label pixels: " + dark);
  }
}
