package io.clipsearch.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import smile.clustering.KMeans;
import smile.manifold.UMAP;

/** What the app's console shows with the logging configuration it ships with. */
class ConsoleLoggingTest {

  @Test
  void theClusteringIterationsStayOffTheConsole() {
    assertFalse(
        LoggerFactory.getLogger(KMeans.class).isInfoEnabled(), "a line per k-means iteration");
    assertFalse(LoggerFactory.getLogger(UMAP.class).isInfoEnabled(), "a line per UMAP epoch");
    assertTrue(
        LoggerFactory.getLogger(AppLauncher.class).isInfoEnabled(),
        "the app's own news still shows");
  }
}
