package io.clipsearch.lab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of a zero-shot evaluation: what was run and how accurate it was. Immutable.
 *
 * @param modelId the model's id
 * @param dataset the dataset folder
 * @param templates the prompt template set's name
 * @param templateCount templates per class
 * @param logitScale the scale applied to cosines before the softmax
 * @param metrics accuracy over the images that embedded
 * @param meanTrueClassProbability mean softmax probability of each image's true class
 * @param failed images that could not be decoded ("file: reason"), left out of the metrics
 * @param seconds wall time of the whole run (prompts and images)
 * @param imagesPerSecond images embedded per second
 */
public record ZeroShotResult(
    String modelId,
    String dataset,
    String templates,
    int templateCount,
    double logitScale,
    ClassificationMetrics metrics,
    double meanTrueClassProbability,
    List<String> failed,
    double seconds,
    double imagesPerSecond) {

  public ZeroShotResult {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(metrics, "metrics");
    failed = List.copyOf(failed);
  }

  /** A plain-text summary: the headline figures and per-class accuracy. */
  public String table() {
    StringBuilder s = new StringBuilder();
    int classes = metrics.perClass().size();
    s.append(String.format(Locale.ROOT, "zero-shot  %s  on %s%n", modelId, dataset));
    s.append(
        String.format(
            Locale.ROOT,
            "images %d (%d failed)  classes %d  templates %s (%d)  logit scale %.0f%n",
            metrics.images(),
            failed.size(),
            classes,
            templates,
            templateCount,
            logitScale));
    s.append(
        String.format(
            Locale.ROOT,
            "top-1 %6.2f%%   top-5 %6.2f%%   (chance %.2f%% / %.2f%%)%n",
            100 * metrics.top1(),
            100 * metrics.top5(),
            100.0 / classes,
            100.0 * Math.min(5, classes) / classes));
    s.append(
        String.format(
            Locale.ROOT,
            "mean p(true class) %.4f   %.1f s, %.1f images/s%n",
            meanTrueClassProbability,
            seconds,
            imagesPerSecond));
    int width =
        Math.min(30, metrics.perClass().stream().mapToInt(c -> c.name().length()).max().orElse(5));
    s.append(String.format(Locale.ROOT, "%-" + width + "s %7s %8s%n", "class", "images", "top-1"));
    for (ClassificationMetrics.ClassAccuracy c : metrics.perClass()) {
      String name = c.name().length() > width ? c.name().substring(0, width) : c.name();
      s.append(
          String.format(
              Locale.ROOT, "%-" + width + "s %7d %7.1f%%%n", name, c.images(), 100 * c.accuracy()));
    }
    return s.toString();
  }
}
