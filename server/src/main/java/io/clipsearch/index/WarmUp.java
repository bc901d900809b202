package io.clipsearch.index;

/**
 * What warming an index up ahead of the first searches did ({@link ImageIndex#warmUp}).
 *
 * @param files files read into memory
 * @param bytes bytes read
 * @param millis wall time it took, searches included
 * @param searches searches run so their code paths are compiled before a person's first query
 */
public record WarmUp(int files, long bytes, long millis, int searches) {

  /** Nothing to warm: an engine that manages its own caches, or an empty index. */
  public static final WarmUp NOTHING = new WarmUp(0, 0, 0, 0);
}
