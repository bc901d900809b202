package io.clipsearch.model.onnx;

import ai.djl.engine.Engine;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a rewritten text tower with its original on ONNX Runtime: each probe text padded to the
 * context length through the original, cut after its end-of-text token through the rewrite, and,
 * where the batch is dynamic, all probes at once padded to the longest. The rewrite passes when
 * every output value is within {@link #TOLERANCE} of the original's.
 *
 * <p>Stateless; each call opens and closes its own two sessions.
 */
final class RewriteCheck {

  /**
   * The most an output value may differ: the rewrite is exact, so this only absorbs kernel
   * rounding.
   */
  static final double TOLERANCE = 1e-6;

  /** DJL's name of the ONNX Runtime engine, which owns the process's {@link OrtEnvironment}. */
  private static final String DJL_ENGINE = "OnnxRuntime";

  /** The output published CLIP exports name; otherwise the first output is compared. */
  private static final String EMBEDDING_OUTPUT = "embedding";

  /**
   * The outcome.
   *
   * @param passed whether every probe agreed within the tolerance
   * @param maxAbsDiff the largest absolute difference seen (infinite where a run failed)
   * @param detail what was compared and what was found
   */
  record Verdict(boolean passed, double maxAbsDiff, String detail) {}

  private RewriteCheck() {}

  /**
   * Runs the probes through both graphs. A graph that fails to load or run fails the check; the
   * reason is in the verdict.
   *
   * @param probes token ids, start to end-of-text, unpadded, each at most the context length
   * @param padId the id that fills a row after its end-of-text token
   * @param threads intra-op threads of each session
   */
  static Verdict verify(
      Path original, byte[] rewritten, List<int[]> probes, int padId, int threads) {
    // DJL's engine creates the process's one environment with its thread pool settings; asking
    // ONNX Runtime first would create a plain one and make DJL's engine fail to start
    Engine.getEngine(DJL_ENGINE);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.set_denormal_as_zero", "1");
      try (OrtSession before = env.createSession(original.toString(), options);
          OrtSession after = env.createSession(rewritten, options)) {
        return compare(env, before, after, probes, padId);
      }
    } catch (OrtException | RuntimeException e) {
      return new Verdict(
          false, Double.POSITIVE_INFINITY, "the rewritten graph does not run: " + e.getMessage());
    }
  }

  private static Verdict compare(
      OrtEnvironment env, OrtSession before, OrtSession after, List<int[]> probes, int padId)
      throws OrtException {
    NodeInfo input = before.getInputInfo().values().iterator().next();
    TensorInfo info = (TensorInfo) input.getInfo();
    long[] shape = info.getShape();
    int context = Math.toIntExact(shape[1]);
    boolean longs = info.type == OnnxJavaType.INT64;
    double worst = 0;
    int worstLength = 0;
    float[][] reference = new float[probes.size()][];
    for (int i = 0; i < probes.size(); i++) {
      int[] ids = probes.get(i);
      reference[i] = run(env, before, input.getName(), new int[][] {ids}, context, padId, longs)[0];
      float[] cut =
          run(env, after, input.getName(), new int[][] {ids}, ids.length, padId, longs)[0];
      double diff = maxAbsDiff(reference[i], cut);
      if (diff >= worst) {
        worst = diff;
        worstLength = ids.length;
      }
    }
    String batched = "";
    if (shape[0] < 0 && probes.size() > 1) {
      int longest = probes.stream().mapToInt(p -> p.length).max().orElseThrow();
      float[][] rows =
          run(env, after, input.getName(), probes.toArray(int[][]::new), longest, padId, longs);
      for (int i = 0; i < rows.length; i++) {
        worst = Math.max(worst, maxAbsDiff(reference[i], rows[i]));
      }
      batched = ", and as one batch padded to " + longest;
    }
    int[] lengths = probes.stream().mapToInt(p -> p.length).sorted().toArray();
    String detail =
        probes.size()
            + " texts of "
            + lengths[0]
            + " to "
            + lengths[lengths.length - 1]
            + " tokens one by one"
            + batched
            + ": max abs difference "
            + worst
            + (worst > TOLERANCE ? " (at " + worstLength + " tokens) > " + TOLERANCE : "");
    return new Verdict(worst <= TOLERANCE, worst, detail);
  }

  private static float[][] run(
      OrtEnvironment env,
      OrtSession session,
      String name,
      int[][] ids,
      int length,
      int padId,
      boolean longs)
      throws OrtException {
    long[] shape = {ids.length, length};
    int[] flat = new int[ids.length * length];
    Arrays.fill(flat, padId);
    for (int r = 0; r < ids.length; r++) {
      System.arraycopy(ids[r], 0, flat, r * length, ids[r].length);
    }
    try (OnnxTensor tensor =
            longs
                ? OnnxTensor.createTensor(
                    env, LongBuffer.wrap(Arrays.stream(flat).asLongStream().toArray()), shape)
                : OnnxTensor.createTensor(env, IntBuffer.wrap(flat), shape);
        OrtSession.Result result = session.run(Map.of(name, tensor))) {
      OnnxValue value = result.get(EMBEDDING_OUTPUT).orElseGet(() -> result.get(0));
      FloatBuffer out = ((OnnxTensor) value).getFloatBuffer();
      int dim = out.remaining() / ids.length;
      float[][] rows = new float[ids.length][dim];
      for (float[] row : rows) {
        out.get(row);
      }
      return rows;
    }
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
    }
    return worst;
  }
}
