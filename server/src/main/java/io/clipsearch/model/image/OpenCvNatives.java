package io.clipsearch.model.image;

/**
 * Loads OpenCV's native library once per JVM, on first use.
 *
 * <p>The openpnp jar unpacks the library for this platform and calls {@code System.load}; doing
 * that twice is harmless but slow, so the holder idiom makes the JVM's class initialization do it
 * once, thread-safely.
 */
public final class OpenCvNatives {

  private OpenCvNatives() {}

  private static final class Holder {
    static {
      nu.pattern.OpenCV.loadLocally();
    }

    static void touch() {}
  }

  /**
   * Ensures the native library is loaded; cheap after the first call. Public for the other packages
   * that call OpenCV themselves (ingest's thumbnails).
   */
  public static void load() {
    Holder.touch();
  }
}
