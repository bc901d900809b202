package io.clipsearch.cli;

import io.clipsearch.lab.CaptionDataset;
import io.clipsearch.lab.RetrievalEvaluation;
import io.clipsearch.lab.RetrievalResult;
import io.clipsearch.model.ClipModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch lab retrieval}: caption retrieval Recall@K on a captions.csv. */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description = {
      "Caption retrieval: Recall@1/5/10 and median rank, both directions.",
      "Flickr/COCO protocol (5 captions per image); also the modality gap."
    })
final class LabRetrievalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--captions",
      required = true,
      paramLabel = "F",
      description = "captions.csv: image,caption[,…]")
  Path captions;

  @Option(
      names = "--images",
      paramLabel = "DIR",
      description = "the images' folder (default: images/ beside the csv)")
  Path images;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "only the first N images (and their captions)")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--json", paramLabel = "F", description = "write the full result as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    Path dir = images != null ? images : captions.toAbsolutePath().resolveSibling("images");
    CaptionDataset data = CaptionDataset.read(captions, dir, limit);
    try (ClipModel model = modelOptions.load()) {
      RetrievalResult result =
          new RetrievalEvaluation(model)
              .run(
                  data,
                  captions.toString(),
                  LabOutput.progress(spec.commandLine().getErr(), "images"));
      LabOutput.print(spec.commandLine().getOut(), result.table());
      if (json != null) {
        LabOutput.writeJson(result, json);
      }
    }
    return 0;
  }
}
