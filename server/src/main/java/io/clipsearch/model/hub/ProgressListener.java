package io.clipsearch.model.hub;

/**
 * Told how far the download of each file has got.
 *
 * <p>Called on the thread running {@link ModelDownloader#pull}, often (every buffer read), so it
 * must return quickly. For a file, the first call may start above zero (a resumed download) and the
 * last call has {@code bytesDone == bytesTotal}; a file already in place gets that one call only.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (file, bytesDone, bytesTotal) -> {};

  /**
   * @param file the file's path inside the model folder, e.g. {@code visual/model.onnx}
   * @param bytesDone bytes of the file on disk so far
   * @param bytesTotal the file's full size
   */
  void onProgress(String file, long bytesDone, long bytesTotal);

  /**
   * Once, before any file's progress: the size of all the files the pull puts in place, those
   * already there included, so a caller can show one bar for the whole model. Ignored by default.
   */
  default void onListed(long bytesTotal) {}
}
