package io.clipsearch.model;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of DJL predictors over one model: a {@link Predictor} is not thread-safe, the model
 * is, so each call borrows one predictor and returns it.
 *
 * <p>Thread-safe. At most {@code size} calls run at once; further callers wait. Closes its
 * predictors (not the model, which its owner closes after).
 */
final class PredictorPool<I, O> implements AutoCloseable {

  private final BlockingQueue<Predictor<I, O>> idle;
  private final List<Predictor<I, O>> all;

  PredictorPool(Model model, Translator<I, O> translator, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be >= 1, got " + size);
    }
    idle = new ArrayBlockingQueue<>(size);
    all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Predictor<I, O> p = model.newPredictor(translator);
      all.add(p);
      idle.add(p);
    }
  }

  /**
   * Runs one prediction on a free predictor, waiting for one if all are busy.
   *
   * @throws EmbeddingException if the engine fails or the wait is interrupted
   */
  O predict(I input) {
    Predictor<I, O> predictor;
    try {
      predictor = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("interrupted while waiting for a predictor", e);
    }
    try {
      return predictor.predict(input);
    } catch (TranslateException | EngineException e) {
      throw new EmbeddingException("inference failed: " + e.getMessage(), e);
    } finally {
      idle.add(predictor);
    }
  }

  int size() {
    return all.size();
  }

  @Override
  public void close() {
    all.forEach(Predictor::close);
  }
}
