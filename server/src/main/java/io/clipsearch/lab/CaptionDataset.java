package io.clipsearch.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Images with captions, from a {@code captions.csv} (header {@code image,caption[,…]}, one row per
 * caption, RFC 4180 quoting; Flickr8k/30k and COCO give five captions per image). Immutable.
 *
 * <p>Images are in order of first appearance; a limit keeps the first {@code n} images and all of
 * their captions.
 *
 * @param images the image files
 * @param captions every caption
 * @param captionImage for each caption, the index of its image
 */
public record CaptionDataset(List<Path> images, List<String> captions, int[] captionImage) {

  public CaptionDataset {
    images = List.copyOf(images);
    captions = List.copyOf(captions);
    captionImage = captionImage.clone();
    if (captionImage.length != captions.size()) {
      throw new IllegalArgumentException(
          captionImage.length + " caption images for " + captions.size() + " captions");
    }
    for (int i : captionImage) {
      if (i < 0 || i >= images.size()) {
        throw new IllegalArgumentException("caption image " + i + " of " + images.size());
      }
    }
  }

  /**
   * Reads a captions file whose image names are relative to {@code imagesDir}.
   *
   * @param limitImages keep the first this many images
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it has no {@code image} and {@code caption} columns, a row
   *     lacks them, or {@code limitImages < 1}
   */
  public static CaptionDataset read(Path csv, Path imagesDir, int limitImages) throws IOException {
    if (limitImages < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limitImages);
    }
    List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(csv + " is empty");
    }
    int imageColumn = rows.getFirst().indexOf("image");
    int captionColumn = rows.getFirst().indexOf("caption");
    if (imageColumn < 0 || captionColumn < 0) {
      throw new IllegalArgumentException(
          csv + ": the header must name 'image' and 'caption' columns, got " + rows.getFirst());
    }
    Map<String, Integer> imageIndex = new LinkedHashMap<>();
    List<String> captions = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() <= Math.max(imageColumn, captionColumn)) {
        throw new IllegalArgumentException(
            csv + " row " + (r + 1) + " has " + row.size() + " fields: " + row);
      }
      String image = row.get(imageColumn);
      Integer index = imageIndex.get(image);
      if (index == null) {
        if (imageIndex.size() == limitImages) {
          continue;
        }
        index = imageIndex.size();
        imageIndex.put(image, index);
      }
      captions.add(row.get(captionColumn).strip());
      owners.add(index);
    }
    List<Path> images = imageIndex.keySet().stream().map(imagesDir::resolve).toList();
    return new CaptionDataset(
        images, captions, owners.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public int[] captionImage() {
    return captionImage.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptionDataset d
        && images.equals(d.images)
        && captions.equals(d.captions)
        && Arrays.equals(captionImage, d.captionImage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(images, captions, Arrays.hashCode(captionImage));
  }

  @Override
  public String toString() {
    return "CaptionDataset[" + images.size() + " images, " + captions.size() + " captions]";
  }
}
