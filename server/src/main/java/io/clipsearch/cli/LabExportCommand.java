package io.clipsearch.cli;

import io.clipsearch.lab.EmbeddingExport;
import io.clipsearch.lab.ExportFormat;
import io.clipsearch.lab.ImageVectors;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.image.ImageFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clipsearch lab export}: image embeddings with metadata, for the Projector, NumPy or CSV.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export image embeddings with metadata (tsv, npy or csv).",
      "Every image under a folder; metadata is file and label (the image's folder); tsv is",
      "the TensorBoard Embedding Projector's format, npy comes with metadata.tsv."
    })
final class LabExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "DIR",
      description = "folder of images (recursive)")
  Path images;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "tsv|npy|csv",
      description = "output format")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "only the first N images (in path order)")
  int limit = Integer.MAX_VALUE;

  @Override
  public Integer call() throws Exception {
    ExportFormat f = ExportFormat.parse(format);
    List<Path> files = ImageFiles.list(images).stream().limit(limit).toList();
    try (ClipModel model = modelOptions.load()) {
      ImageVectors embedded =
          ImageVectors.embed(
              model, files, LabOutput.progress(spec.commandLine().getErr(), "images"));
      List<EmbeddingExport.Row> rows = new ArrayList<>();
      List<float[]> vectors = embedded.vectors();
      for (int i = 0; i < vectors.size(); i++) {
        Path file = files.get(embedded.indices().get(i));
        Path relative = images.relativize(file);
        String label = relative.getParent() == null ? "" : relative.getParent().toString();
        rows.add(new EmbeddingExport.Row(relative.toString(), label, vectors.get(i)));
      }
      embedded
          .failures()
          .forEach(failure -> spec.commandLine().getErr().println("skipped " + failure));
      for (Path written : EmbeddingExport.write(rows, f, out)) {
        spec.commandLine().getOut().println(written);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "%d embeddings of dimension %d (%s)%n",
              rows.size(), model.dimension(), model.info().id());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
