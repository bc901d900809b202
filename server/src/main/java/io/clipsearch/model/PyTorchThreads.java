package io.clipsearch.model;

/**
 * libtorch's thread pools are process-wide and sized once, when DJL starts the PyTorch engine: the
 * first model loaded sets them for all.
 */
public final class PyTorchThreads {

  private PyTorchThreads() {}

  /** Sets libtorch's intra- and inter-op thread counts unless the user set them. */
  public static void configure(int threads) {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }
}
