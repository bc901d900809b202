package io.clipsearch.search;

import io.clipsearch.model.image.ImageDecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs everyday text searches through a just-opened collection's whole query road (text tower,
 * filtered kNN at the text beam, BM25, fusion, the cutoff, the hits' facts), so the JIT has
 * compiled it and the text tower has run texts of many lengths before a person's first query: on 2
 * cores, without it, the first 50 searches after a start were up to 4× slower at p95 than later
 * ones (docs/BENCHMARKS.md). The index's own warm-up ({@link
 * io.clipsearch.index.ImageIndex#warmUp}) reads its files and walks its graph; this one needs the
 * model. Stateless.
 */
public final class QueryWarmUp {

  private static final List<String> SUBJECTS =
      List.of(
          "a dog",
          "two children playing on the beach",
          "a red car",
          "mountains with snow",
          "a bowl of soup",
          "an old church",
          "people dancing at a wedding",
          "a cat asleep on a sofa",
          "a bird in flight",
          "city lights at night",
          "a bicycle",
          "flowers in a garden",
          "a boat on a lake",
          "a birthday cake with candles",
          "a forest path in autumn",
          "a horse in a field");

  /** From a bare subject to a long sentence: the text tower's cost and code vary with length. */
  private static final List<String> TEMPLATES =
      List.of(
          "%s",
          "a photo of %s",
          "%s at sunset, seen from far away",
          "a blurry close-up photo of %s in the evening light, taken with an old phone camera");

  /** The searches run, each subject in each template. */
  static final List<String> PROMPTS = prompts();

  private QueryWarmUp() {}

  /**
   * Runs {@link #PROMPTS} through {@code search}, one after another on the calling thread, until
   * {@code stop} says so; ends at the first failure (the collection was closed meanwhile, or its
   * index cannot be read: the searches people make will say so).
   *
   * @return searches run
   */
  public static int run(HybridSearch search, BooleanSupplier stop) {
    int done = 0;
    try {
      for (String prompt : PROMPTS) {
        if (stop.getAsBoolean()) {
          break;
        }
        search.search(SearchRequest.of(prompt));
        done++;
      }
    } catch (IOException | ImageDecodeException | RuntimeException e) {
      // closed or unreadable: warming just ends
    }
    return done;
  }

  private static List<String> prompts() {
    List<String> all = new ArrayList<>();
    for (String template : TEMPLATES) {
      for (String subject : SUBJECTS) {
        all.add(template.formatted(subject));
      }
    }
    return List.copyOf(all);
  }
}
