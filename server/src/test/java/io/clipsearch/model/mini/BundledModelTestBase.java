package io.clipsearch.model.mini;

import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests of the model committed under {@code models/clipsearch-mini}: loaded once per class. */
abstract class BundledModelTestBase {

  static ClipModel model;

  @BeforeAll
  static void loadBundledModel() throws IOException {
    // tests run in server/: the repository's models/ is one folder up
    Path folder = Path.of(System.getProperty("user.dir")).getParent().resolve(BundledModel.FOLDER);
    model = ClipModels.load(folder);
  }

  @AfterAll
  static void closeBundledModel() {
    if (model != null) {
      model.close();
    }
  }
}
