package io.clipsearch.cli;

import io.clipsearch.cluster.CollectionMap;
import io.clipsearch.cluster.MapImage;
import io.clipsearch.cluster.Projection;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch map --png out.png}: the collection map as a scatter plot coloured by cluster.
 */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = "Draw a 2-D map of a collection (UMAP, or PCA for large ones) as a PNG.")
final class MapCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Option(names = "--png", required = true, paramLabel = "FILE", description = "PNG to write")
  Path png;

  @Option(
      names = "--size",
      paramLabel = "PX",
      defaultValue = "1000",
      description = "image side (default: ${DEFAULT-VALUE})")
  int size;

  @Option(
      names = "--method",
      paramLabel = "auto|umap|pca",
      defaultValue = "auto",
      description = "projection")
  String method;

  @Override
  public Integer call() throws Exception {
    System.setProperty("java.awt.headless", "true");
    try (ClipModel model = modelOptions.load();
        OpenCollection c = collectionOptions.open(model)) {
      CollectionMap map =
          CollectionOptions.organizer(c, model).map(Projection.parse(method), false);
      ImageIO.write(MapImage.render(map, size, size), "png", png.toFile());
      spec.commandLine()
          .getOut()
          .printf(Locale.ROOT, "%d points (%s) -> %s%n", map.points().size(), map.method(), png);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
