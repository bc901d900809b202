package io.clipsearch.index;

/**
 * What warming an index read into memory ahead of the first searches ({@link ImageIndex#warmUp}).
 *
 * @param files files read
 * @param bytes bytes read
 * @param millis wall time it took
 */
public record WarmUp(int files, long bytes, long millis) {

  /** Nothing to warm: an engine that manages its own caches, or an empty index. */
  public static final WarmUp NOTHING = new WarmUp(0, 0, 0);
}
