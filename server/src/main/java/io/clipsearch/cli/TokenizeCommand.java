package io.clipsearch.cli;

import io.clipsearch.model.ModelFolder;
import io.clipsearch.model.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clipsearch tokenize}: token ids of texts, as the model's tokenizer produces them. */
@Command(
    header = "Print the token ids of texts as JSON lines.",
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description = {
      "Print the token ids of each text, one JSON line per input:",
      "{\"text\":..., \"ids\":[...]} (SOT to EOT, unpadded, truncated to the context length)."
    })
final class TokenizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "CLIP model folder")
  Path model;

  @Option(names = "--file", paramLabel = "F", description = "texts, one per line ('-' for stdin)")
  Path file;

  @Parameters(paramLabel = "TEXT", arity = "0..*", description = "texts (default: read stdin)")
  List<String> texts = new ArrayList<>();

  record Line(String text, int[] ids) {}

  @Override
  public Integer call() throws Exception {
    try (TextTokenizer tokenizer = ModelFolder.open(model).openTokenizer()) {
      List<String> inputs = new ArrayList<>(texts);
      if (file != null || texts.isEmpty()) {
        inputs.addAll(InputLines.read(file != null ? file : Path.of("-")));
      }
      JsonLines out = new JsonLines(spec.commandLine().getOut());
      for (String text : inputs) {
        out.write(new Line(text, tokenizer.encode(text)));
      }
      return 0;
    }
  }
}
