package io.clipsearch.model.image;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;

/** Reads an image's stored size from the header metadata-extractor parsed. */
final class HeaderSizes {

  private HeaderSizes() {}

  /**
   * Width and height from the first directory of {@code kind} that has both tags, or null.
   *
   * @return {@code {width, height}} as written (a bottom-up BMP's height is negative), or null
   */
  static int[] of(Metadata metadata, Class<? extends Directory> kind, int widthTag, int heightTag) {
    for (Directory d : metadata.getDirectoriesOfType(kind)) {
      if (d.containsTag(widthTag) && d.containsTag(heightTag)) {
        try {
          return new int[] {d.getInt(widthTag), d.getInt(heightTag)};
        } catch (MetadataException e) {
          return null;
        }
      }
    }
    return null;
  }
}
