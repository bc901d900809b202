package io.clipsearch.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClipsearchFoldersTest {

  private static Properties props(String home, boolean installed) {
    Properties p = new Properties();
    p.setProperty("clipsearch.home", home);
    p.setProperty("user.home", "/home/java-user");
    if (installed) {
      p.setProperty("clipsearch.installed", "true");
    }
    return p;
  }

  @Test
  void checkoutKeepsDataAndModelsUnderItsHome() {
    ClipsearchFolders f =
        ClipsearchFolders.of(Map.of("HOME", "/home/ann"), props("/src/clipsearch", false));
    assertFalse(f.installed());
    assertEquals(Path.of("/src/clipsearch/work/data"), f.data());
    assertEquals(Path.of("/src/clipsearch/models"), f.models());
    assertEquals(Path.of("/home/ann/.config/clipsearch"), f.config());
  }

  @Test
  void installedProgramWritesToXdgFoldersNeverItsInstallation() {
    ClipsearchFolders f =
        ClipsearchFolders.of(
            Map.of(
                "HOME",
                "/home/ann",
                "XDG_DATA_HOME",
                "/xdg/data",
                "XDG_CONFIG_HOME",
                "/xdg/config"),
            props("/opt/clipsearch/lib/app", true));
    assertTrue(f.installed());
    assertEquals(Path.of("/xdg/data/clipsearch"), f.data());
    assertEquals(Path.of("/xdg/data/clipsearch/models"), f.models());
    assertEquals(Path.of("/xdg/config/clipsearch/server.yml"), f.serverConfig());
    assertFalse(f.data().startsWith(f.home()));
  }

  @Test
  void installedWithoutXdgVariablesUsesHomeNotUserHome() {
    ClipsearchFolders f =
        ClipsearchFolders.of(Map.of("HOME", "/home/ann"), props("/opt/clipsearch/lib/app", true));
    assertEquals(Path.of("/home/ann/.local/share/clipsearch"), f.data());
    assertEquals(Path.of("/home/ann/.config/clipsearch"), f.config());
  }

  @Test
  void relativeXdgValuesAreIgnoredAsTheSpecSays() {
    ClipsearchFolders f =
        ClipsearchFolders.of(
            Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "rel/data"),
            props("/opt/clipsearch/lib/app", true));
    assertEquals(Path.of("/home/ann/.local/share/clipsearch"), f.data());
  }

  @Test
  void environmentOverridesBothLayouts() {
    Map<String, String> env =
        Map.of(
            "HOME",
            "/home/ann",
            "CLIPSEARCH_DATA_DIR",
            "/srv/data",
            "CLIPSEARCH_MODELS",
            "/srv/models");
    for (boolean installed : new boolean[] {true, false}) {
      ClipsearchFolders f = ClipsearchFolders.of(env, props("/opt/clipsearch/lib/app", installed));
      assertEquals(Path.of("/srv/data"), f.data());
      assertEquals(Path.of("/srv/models"), f.models());
    }
  }
}
