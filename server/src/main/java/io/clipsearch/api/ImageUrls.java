package io.clipsearch.api;

/**
 * Where an indexed image and its thumbnail are served ({@link ImageController}), the one place
 * responses spell these URLs. Stateless.
 */
final class ImageUrls {

  private ImageUrls() {}

  /** The full image: {@code /api/images/{id}?collection=…}. */
  static String image(String id, String collection) {
    return "/api/images/" + id + "?collection=" + collection;
  }

  /** The 320-pixel thumbnail: {@code /api/images/{id}/thumbnail?collection=…}. */
  static String thumbnail(String id, String collection) {
    return "/api/images/" + id + "/thumbnail?collection=" + collection;
  }
}
