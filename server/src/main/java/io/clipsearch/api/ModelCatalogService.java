package io.clipsearch.api;

import io.clipsearch.api.types.ModelEntry;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.hub.KnownModel;
import io.clipsearch.model.hub.KnownModels;
import io.clipsearch.model.hub.ModelShelf;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models the server knows of ({@code GET /api/models}): the catalog ({@link KnownModels}), the
 * bundled mini model, every other folder in the models folder, and the active model wherever its
 * folder is; each with its state, read from disk on every call (a pull or a person may change the
 * folders any time). Resolves a name to the folder to switch to. Thread-safe.
 */
@Singleton
public class ModelCatalogService {

  private static final String MINI_GOOD_AT =
      "Small model bundled with clipsearch: works offline without any download, much weaker than"
          + " CLIP";

  private final ModelPullService pulls;
  private final ActiveModel active;
  private final ModelSelection selection;
  private final Path bundled;

  public ModelCatalogService(
      ModelPullService pulls,
      ActiveModel active,
      ModelSelection selection,
      @Value("${clipsearch.home:.}") String home) {
    this.pulls = pulls;
    this.active = active;
    this.selection = selection;
    this.bundled = normalized(Path.of(home).resolve(BundledModel.FOLDER));
  }

  /** Every model, the catalog first. */
  public ModelList list() {
    Path activeFolder = normalized(active.folder());
    List<ModelEntry> models = new ArrayList<>();
    List<Path> listed = new ArrayList<>();
    for (KnownModel m : KnownModels.all()) {
      Path folder = normalized(pulls.modelsDir().resolve(m.name()));
      listed.add(folder);
      ModelShelf.FolderState s = ModelShelf.state(folder);
      models.add(
          new ModelEntry(
              m.name(),
              "catalog",
              state(folder, s, activeFolder),
              pulls.pulling(m.name()),
              m.repo(),
              m.dimension(),
              m.license(),
              m.approxDownloadBytes(),
              m.languages(),
              m.description(),
              s.bytesOnDisk(),
              s.completeness() == ModelShelf.Completeness.ABSENT ? null : folder.toString()));
    }
    if (Files.isDirectory(bundled)) {
      listed.add(bundled);
      models.add(
          new ModelEntry(
              BundledModel.NAME,
              "bundled",
              state(bundled, ModelShelf.state(bundled), activeFolder),
              false,
              null,
              null,
              null,
              null,
              "English",
              MINI_GOOD_AT,
              ModelShelf.state(bundled).bytesOnDisk(),
              bundled.toString()));
    }
    List<Path> others = new ArrayList<>(ModelShelf.folders(pulls.modelsDir()));
    others.add(activeFolder);
    others.add(selection.folder()); // the model of this start, so the library can switch back
    for (Path other : others) {
      Path folder = normalized(other);
      if (!listed.contains(folder)) {
        listed.add(folder);
        models.add(folderEntry(folder, activeFolder));
      }
    }
    return new ModelList(
        models,
        pulls.modelsDir().toAbsolutePath().normalize().toString(),
        pulls.hub(),
        activeFolder.getFileName().toString(),
        selection.conflict());
  }

  /** The folder of a listed model (the catalog's before a folder of the same name), if any. */
  Optional<Path> folderOf(String name) {
    return KnownModels.find(name)
        .map(m -> normalized(pulls.modelsDir().resolve(m.name())))
        .or(
            () ->
                list().models().stream()
                    .filter(m -> m.name().equals(name) && m.folder() != null)
                    .map(m -> Path.of(m.folder()))
                    .findFirst());
  }

  private ModelEntry folderEntry(Path folder, Path activeFolder) {
    ModelShelf.FolderState s = ModelShelf.state(folder);
    return new ModelEntry(
        folder.getFileName().toString(),
        "folder",
        state(folder, s, activeFolder),
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        s.bytesOnDisk(),
        folder.toString());
  }

  private String state(Path folder, ModelShelf.FolderState s, Path activeFolder) {
    if (folder.equals(activeFolder)) {
      return "ACTIVE";
    }
    if (s.completeness() == ModelShelf.Completeness.PRESENT && pulls.verified(folder)) {
      return "VERIFIED";
    }
    return s.completeness().name();
  }

  private static Path normalized(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
