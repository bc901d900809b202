package io.clipsearch.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering rule on photos of known identities: the 40 Caltech-101 {@code faces} photos of
 * {@code ../shared} (train and test), whose file numbers run person by person (the Caltech 1999
 * frontal-face set, ~27 people in order). {@link #IDENTITIES} groups them by that order, checked by
 * looking at the crops (the contact sheet this test writes to {@code
 * target/people-contact-sheet.png}, copied to docs/screenshots/). Measured with {@link
 * People#JOIN_DISTANCE}: every person pure, no identity split, and only the faces whose identity
 * has no second face here, plus one, left out (docs/FACES.md has the table against other
 * thresholds).
 */
class PersonClusteringTest {

  /** Caltech-101 faces by identity (file numbers); a group of one cannot make a person. */
  static final int[][] IDENTITIES = {
    {30},
    {43},
    {56, 57},
    {69, 84},
    {104, 107},
    {121, 128},
    {133, 134},
    {135},
    {156, 157},
    {159},
    {180, 193},
    {196, 208},
    {243},
    {267, 269},
    {287, 288, 293, 298, 301},
    {310, 313},
    {352},
    {366, 370, 373, 380},
    {412, 421, 426, 433}
  };

  private static FaceFinders finders;

  @TempDir static Path tmp;
  private static People people;
  private static final Map<String, Integer> identityOfContent = new HashMap<>();
  private static final Map<String, Integer> numberOfContent = new HashMap<>();

  @BeforeAll
  static void findAndCluster() throws Exception {
    finders = FaceFinders.open(Path.of("..", "models", "faces"));
    Map<Integer, Integer> identity = new HashMap<>();
    for (int i = 0; i < IDENTITIES.length; i++) {
      for (int n : IDENTITIES[i]) {
        identity.put(n, i);
      }
    }
    FaceStore store = new FaceStore(tmp.resolve("faces"));
    List<Path> photos = new ArrayList<>();
    for (String split : List.of("train", "test")) {
      try (Stream<Path> files =
          Files.list(SharedFixtures.path("datasets/caltech101/" + split + "/faces"))) {
        files.forEach(photos::add);
      }
    }
    for (Path photo : photos) {
      byte[] bytes = Files.readAllBytes(photo);
      String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      int n = Integer.parseInt(photo.getFileName().toString().replaceAll("\\D", ""));
      identityOfContent.put(id, identity.get(n));
      numberOfContent.put(id, n);
      DecodedImage image = new ImageDecoder().decode(ImageSource.of(photo.toString(), bytes));
      store.write(id, finders.find(image), image);
    }
    people = People.open(tmp.resolve("faces/people.json"), store);
    people.update();
  }

  @AfterAll
  static void close() {
    finders.close();
  }

  @Test
  void everyPersonIsOneIdentityAndNoIdentityIsSplit() throws IOException {
    List<Person> found = people.list(true);
    int faces = 0;
    Map<Integer, Integer> personOfIdentity = new HashMap<>();
    for (Person p : found) {
      long identities = p.contentIds().stream().map(identityOfContent::get).distinct().count();
      assertEquals(1, identities, "person " + p.id() + " mixes identities: " + numbers(p));
      Integer before =
          personOfIdentity.put(identityOfContent.get(p.faces().get(0).contentId()), p.id());
      assertEquals(null, before, "identity split over persons " + before + " and " + p.id());
      faces += p.faces().size();
    }
    List<StoredFace> all = people.store().all();
    int total = all.size();
    List<Integer> inPersons =
        found.stream()
            .flatMap(p -> p.faces().stream())
            .map(f -> numberOfContent.get(f.contentId()))
            .toList();
    List<Integer> leftOut =
        all.stream()
            .map(f -> numberOfContent.get(f.id().contentId()))
            .filter(n -> !inPersons.contains(n))
            .sorted()
            .toList();
    int alone = (int) Stream.of(IDENTITIES).filter(g -> g.length == 1).count();
    System.out.printf(
        "persons %d of %d identities with 2+ faces; faces in persons %d of %d, left out %d"
            + " (%d of them alone in their identity): %s%n",
        found.size(), IDENTITIES.length - alone, faces, total, total - faces, alone, leftOut);
    assertEquals(12, found.size(), "one person per identity with two faces or more, but one");
    assertEquals(List.of(30, 43, 135, 159, 180, 193, 243, 352, 412), leftOut);
  }

  @Test
  void writesAContactSheetOfThePersons() throws IOException {
    int cell = 72;
    List<Person> found = people.list(true);
    int cols = found.stream().mapToInt(p -> p.faces().size()).max().orElse(1);
    BufferedImage sheet =
        new BufferedImage(cols * cell + 40, found.size() * cell, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setColor(Color.DARK_GRAY);
    for (int row = 0; row < found.size(); row++) {
      Person p = found.get(row);
      g.drawString(String.valueOf(p.id()), 8, row * cell + cell / 2);
      for (int col = 0; col < p.faces().size(); col++) {
        FaceId f = p.faces().get(col);
        BufferedImage crop =
            ImageIO.read(people.store().crop(f.contentId(), f.n()).orElseThrow().toFile());
        g.drawImage(crop, 40 + col * cell + 2, row * cell + 2, cell - 4, cell - 4, null);
        g.drawString(
            String.valueOf(numberOfContent.get(f.contentId())),
            40 + col * cell + 4,
            row * cell + cell - 6);
      }
    }
    g.dispose();
    Path out = Path.of("target", "people-contact-sheet.png");
    assertTrue(ImageIO.write(sheet, "png", out.toFile()));
    assertFalse(found.isEmpty());
  }

  private static List<Integer> numbers(Person p) {
    return p.contentIds().stream().map(numberOfContent::get).toList();
  }
}
