package io.clipsearch.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

  @TempDir Path dir;

  @Test
  void roundTripsThroughTheFile() {
    AppSettings s = AppSettings.load(dir);
    assertEquals("light", s.theme());
    assertTrue(s.windowBounds().isEmpty());
    s.setTheme("dark");
    s.setWindowBounds(new Rectangle(10, 20, 1200, 800));
    s.setHistory(List.of("new", "old"));
    s.save();
    AppSettings again = AppSettings.load(dir);
    assertEquals("dark", again.theme());
    assertEquals(new Rectangle(10, 20, 1200, 800), again.windowBounds().orElseThrow());
    assertEquals(List.of("new", "old"), again.history());
    again.setHistory(List.of("only"));
    assertEquals(List.of("only"), again.history());
  }

  @Test
  void aTokenIsRememberedPerServerInAFileOnlyItsOwnerReads() throws Exception {
    AppSettings s = AppSettings.load(dir);
    s.setServerToken(URI.create("http://box:8080/"), "box-token");
    s.setServerToken(URI.create("http://nas.local:8080"), "nas-token");
    s.save();
    AppSettings again = AppSettings.load(dir);
    assertEquals(
        "box-token",
        again.serverToken(URI.create("http://box:8080")).orElseThrow(),
        "with or without a slash");
    assertEquals(
        "nas-token", again.serverToken(URI.create("http://nas.local:8080/")).orElseThrow());
    assertTrue(again.serverToken(URI.create("http://box:9090")).isEmpty());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.file())));
  }

  @Test
  void aBrokenFileGivesDefaultsAndTheDirFollowsXdg() throws Exception {
    Files.writeString(dir.resolve("app.properties"), "window.bounds=a,b\ntheme=purple\n");
    AppSettings s = AppSettings.load(dir);
    assertEquals("light", s.theme());
    assertTrue(s.windowBounds().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> s.setTheme("purple"));
    assertEquals(Path.of("/x/clipsearch"), AppSettings.defaultDir(Map.of("XDG_CONFIG_HOME", "/x")));
  }

  @Test
  void withoutXdgTheDirIsUnderTheHomeOfTheEnvironment() {
    assertEquals(
        Path.of("/tmp/elsewhere/.config/clipsearch"),
        AppSettings.defaultDir(Map.of("HOME", "/tmp/elsewhere")));
    assertEquals(
        Path.of("/tmp/elsewhere/.config/clipsearch"),
        AppSettings.defaultDir(Map.of("HOME", "/tmp/elsewhere", "XDG_CONFIG_HOME", "")));
  }

  @Test
  void fileChoosersOpenAtThePicturesFolder() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve("Pictures"));
    assertEquals(
        home.resolve("Pictures"), AppSettings.picturesDir(Map.of("HOME", home.toString())));
    Path photos = Files.createDirectories(home.resolve("Fotos"));
    Files.createDirectories(home.resolve(".config"));
    Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/Fotos\"\n");
    assertEquals(photos, AppSettings.picturesDir(Map.of("HOME", home.toString())));
  }

  @Test
  void closingWhileIndexingIsRememberedForTheNextStart() {
    AppSettings s = AppSettings.load(dir);
    s.setUnfinishedIndexing("default", 1190);
    s.save();
    AppSettings again = AppSettings.load(dir);
    assertTrue(
        again
            .unfinishedIndexing()
            .orElseThrow()
            .notice()
            .startsWith("1,190 photos of “default” were never indexed"));
    again.setUnfinishedIndexing(null, 0);
    assertTrue(again.unfinishedIndexing().isEmpty());
  }
}
