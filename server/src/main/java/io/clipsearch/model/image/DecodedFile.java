package io.clipsearch.model.image;

import com.drew.metadata.Metadata;
import java.util.Objects;

/**
 * An image file decoded once: its upright pixels and the metadata the decoder parsed from its
 * header on the way (EXIF, GPS, maker directories; read to find the size and orientation). Ingest
 * takes the photo's facts from {@code metadata}, so a file's header is parsed once, not twice.
 *
 * @param image the decoded pixels
 * @param metadata everything metadata-extractor read from the file; not to be modified
 */
public record DecodedFile(DecodedImage image, Metadata metadata) {

  public DecodedFile {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(metadata, "metadata");
  }
}
