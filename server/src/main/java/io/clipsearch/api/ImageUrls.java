package io.clipsearch.api;

/**
 * Where an indexed image, its thumbnail and its faces' crops are served ({@link ImageController},
 * {@link PeopleController}), the one place responses spell these URLs. Stateless.
 */
final class ImageUrls {

  private ImageUrls() {}

  /** The full image: {@code /api/images/{id}?collection=…}. */
  static String image(String id, String collection) {
    return "/api/images/" + id + "?collection=" + collection;
  }

  /** A face's 128-pixel crop: {@code /api/collections/{c}/faces/{face id}/crop}. */
  static String faceCrop(String faceId, String collection) {
    return "/api/collections/" + collection + "/faces/" + faceId + "/crop";
  }

  /** The 320-pixel thumbnail: {@code /api/images/{id}/thumbnail?collection=…}. */
  static String thumbnail(String id, String collection) {
    return "/api/images/" + id + "/thumbnail?collection=" + collection;
  }
}
