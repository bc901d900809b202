package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.LimitsConfig;
import io.clipsearch.install.ClipsearchFolders;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --config FILE} and the data folder default, on a real (unstarted) Micronaut context.
 */
class ServerConfigFileTest {

  @TempDir Path tmp;

  @Test
  void fileOverridesApplicationYmlAndOptionsOverrideTheFile() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("server.yml"),
            """
        clipsearch:
          data:
            dir: %s
            default-collection: photos
          limits:
            max-k: 7
        """
                .formatted(tmp.resolve("data")));
    try (ApplicationContext context =
        ApplicationContext.builder()
            .propertySources(ServerConfigFile.read(file))
            .properties(Map.of("clipsearch.data.default-collection", "from-option"))
            .start()) {
      assertEquals(tmp.resolve("data"), context.getBean(DataConfig.class).dir());
      assertEquals(7, context.getBean(LimitsConfig.class).maxK());
      assertEquals("from-option", context.getBean(DataConfig.class).defaultCollection());
    }
  }

  @Test
  void withoutConfiguredFolderTheDataFolderIsThisInstallationsOne() {
    // a configured token, so starting the context writes no token file into the real data folder
    try (ApplicationContext context =
        ApplicationContext.builder()
            .properties(Map.of("clipsearch.auth.token", "test-token"))
            .start()) {
      assertEquals(ClipsearchFolders.current().data(), context.getBean(DataConfig.class).dir());
    }
  }

  @Test
  void badFilesAreRefusedNamingTheFile() throws IOException {
    Path missing = tmp.resolve("nope.yml");
    ClipsearchFolders folders =
        ClipsearchFolders.of(Map.of("HOME", tmp.toString()), new Properties());
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> ServerConfigFile.choose(missing, folders));
    assertEquals("--config " + missing + ": no such readable file", e.getMessage());
    Path broken = Files.writeString(tmp.resolve("broken.yml"), "clipsearch: [unclosed\n");
    var e2 = assertThrows(IllegalArgumentException.class, () -> ServerConfigFile.read(broken));
    assertTrue(
        e2.getMessage().startsWith(broken + " is not a valid application.yml-style file"),
        e2.getMessage());
  }

  @Test
  void installedProgramReadsServerYmlFromItsConfigFolderCheckoutDoesNot() throws IOException {
    Properties installed = new Properties();
    installed.setProperty("clipsearch.installed", "true");
    Map<String, String> env =
        Map.of("HOME", tmp.toString(), "XDG_CONFIG_HOME", tmp.resolve("cfg").toString());
    ClipsearchFolders folders = ClipsearchFolders.of(env, installed);
    assertTrue(ServerConfigFile.choose(null, folders).isEmpty());
    Files.createDirectories(folders.config());
    Files.writeString(folders.serverConfig(), "clipsearch: {}\n");
    assertEquals(folders.serverConfig(), ServerConfigFile.choose(null, folders).orElseThrow());
    assertTrue(
        ServerConfigFile.choose(null, ClipsearchFolders.of(env, new Properties())).isEmpty());
  }
}
