package io.clipsearch.ingest;

import java.util.List;

/**
 * Tags an image from its embedding: what {@link IngestJob} and {@link Retagger} store in each
 * document's tags and keyword text. Ingest does not know where tags come from; the CLI and the
 * server pass {@code cluster.ZeroShotLabeler::imageTags} (zero-shot labels from the cluster
 * vocabulary), tests a deterministic stand-in.
 *
 * <p>Implementations must be thread-safe and return distinct, non-blank tags, best first.
 */
@FunctionalInterface
public interface ImageTagger {

  /** Tags nothing: documents are written without tags. */
  ImageTagger NONE = vector -> List.of();

  /**
   * @param vector the image's L2-normalized embedding
   * @return its tags, best first; empty for none
   */
  List<String> tags(float[] vector);
}
