package io.clipsearch.cli;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch embed}: normalized embeddings of texts or images, as JSON lines. */
@Command(
    header = "Print normalized embeddings of texts or images as JSON lines.",
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Print the L2-normalized embedding of each input, one JSON line per input:",
      "{\"input\":..., \"embedding\":[...]}; an image that cannot be decoded gives",
      "{\"input\":..., \"error\":..., \"reason\":...} and exit code 2 after the others."
    })
final class EmbedCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  static final int EXIT_SOME_FAILED = 2;

  @Mixin ModelOptions modelOptions;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  @Option(
      names = "--file-images",
      description = "lines of --file are image paths (default: they are texts)")
  boolean fileImages;

  static final class Inputs {
    @Option(names = "--text", arity = "1..*", paramLabel = "T", description = "texts to embed")
    List<String> texts;

    @Option(
        names = "--image",
        arity = "1..*",
        paramLabel = "F",
        description = "image files to embed")
    List<Path> images;

    @Option(
        names = "--file",
        paramLabel = "F",
        description =
            "inputs one per line ('-' for stdin): texts, or image paths with --file-images")
    Path file;
  }

  /** The output line of an input that embedded (written, never compared). */
  record EmbeddingLine(String input, float[] embedding) {}

  /** The output line of an image that could not be embedded, with the decoder's reason. */
  record FailureLine(String input, String error, String reason) {}

  @Override
  public Integer call() throws Exception {
    List<String> texts = inputs.texts;
    List<Path> images = inputs.images;
    if (inputs.file != null) {
      List<String> lines = InputLines.read(inputs.file).stream().filter(l -> !l.isBlank()).toList();
      if (fileImages) {
        images = lines.stream().map(Path::of).toList();
      } else {
        texts = lines;
      }
    }
    JsonLines out = new JsonLines(spec.commandLine().getOut());
    try (ClipModel model = modelOptions.load()) {
      if (texts != null) {
        List<float[]> vectors = model.embedTexts(texts);
        for (int i = 0; i < texts.size(); i++) {
          out.write(new EmbeddingLine(texts.get(i), vectors.get(i)));
        }
        return 0;
      }
      List<ImageSource> sources = new ArrayList<>();
      images.forEach(p -> sources.add(ImageSource.of(p)));
      int failed = 0;
      for (ImageEmbedding result : model.embedImages(sources)) {
        switch (result) {
          case ImageEmbedding.Embedded e -> out.write(new EmbeddingLine(e.name(), e.vector()));
          case ImageEmbedding.Failed f -> {
            failed++;
            out.write(new FailureLine(f.name(), f.error().getMessage(), f.error().reason().name()));
          }
        }
      }
      return failed == 0 ? 0 : EXIT_SOME_FAILED;
    }
  }
}
