package io.clipsearch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Prompt ensembling, as in CLIP's paper: a class name is put into every template, the prompts are
 * embedded, and the class's vector is the renormalized mean of their unit embeddings, a steadier
 * direction than any one prompt. The one implementation behind zero-shot classification ({@code
 * lab}), cluster and image labels ({@code cluster}, which tags ingested images) and the mini
 * model's training targets ({@code mini}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param templates at least one template, each holding {@value #SLOT} where the class name goes
 */
public record PromptEnsemble(List<String> templates) {

  /** Where a template takes the class name. */
  public static final String SLOT = "{}";

  /** Prompts per call to the text embedder; larger vocabularies are embedded in several calls. */
  static final int BATCH = 256;

  /**
   * @throws IllegalArgumentException if there is no template or one lacks {@value #SLOT}
   */
  public PromptEnsemble {
    templates = List.copyOf(templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no prompt templates");
    }
    for (String t : templates) {
      if (!t.contains(SLOT)) {
        throw new IllegalArgumentException(
            "template '" + t + "' has no " + SLOT + " for the class name");
      }
    }
  }

  /** The prompts of one class, in template order. */
  public List<String> prompts(String className) {
    return templates.stream().map(t -> t.replace(SLOT, className)).toList();
  }

  /**
   * One unit vector per class, in order: each class's prompts embedded by {@code embedder} (texts
   * in, one unit vector per text out, in order), summed in double precision and normalized.
   *
   * @throws IllegalArgumentException if there are no classes, or a class's prompt embeddings cancel
   *     out ({@link ZeroVectorException})
   * @throws IllegalStateException if the embedder returns the wrong number of vectors
   * @throws CancellationException if the thread is interrupted (checked between batches)
   */
  public List<float[]> classVectors(
      List<String> classNames, Function<List<String>, List<float[]>> embedder) {
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("no classes");
    }
    List<String> prompts = new ArrayList<>(classNames.size() * templates.size());
    classNames.forEach(name -> prompts.addAll(prompts(name)));
    List<float[]> embedded = new ArrayList<>(prompts.size());
    for (int from = 0; from < prompts.size(); from += BATCH) {
      if (Thread.currentThread().isInterrupted()) {
        // a large vocabulary takes minutes on a first run: a shutdown stops it between batches
        throw new CancellationException("interrupted while embedding the class prompts");
      }
      embedded.addAll(
          embedder.apply(prompts.subList(from, Math.min(prompts.size(), from + BATCH))));
    }
    if (embedded.size() != prompts.size()) {
      throw new IllegalStateException(
          "the text embedder returned "
              + embedded.size()
              + " vectors for "
              + prompts.size()
              + " prompts");
    }
    int per = templates.size();
    List<float[]> vectors = new ArrayList<>(classNames.size());
    for (int c = 0; c < classNames.size(); c++) {
      vectors.add(meanDirection(embedded.subList(c * per, (c + 1) * per)));
    }
    return vectors;
  }

  /** The direction of the mean of {@code vectors}: their sum in double, normalized. */
  static float[] meanDirection(List<float[]> vectors) {
    double[] sum = new double[vectors.getFirst().length];
    for (float[] v : vectors) {
      if (v.length != sum.length) {
        throw new IllegalArgumentException("dimensions differ: " + v.length + " vs " + sum.length);
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    return Vectors.unit(sum);
  }
}
