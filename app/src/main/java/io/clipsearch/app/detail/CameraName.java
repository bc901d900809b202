package io.clipsearch.app.detail;

/**
 * A camera's name for people from its EXIF make and model. Many makers repeat the make in the model
 * ({@code Canon} + {@code Canon EOS R5}, {@code NIKON CORPORATION} + {@code NIKON D850}): the make
 * is then left out, so the name reads "Canon EOS R5", never "Canon Canon EOS R5".
 */
public final class CameraName {

  private CameraName() {}

  /** The name, or an empty string when both parts are missing. */
  public static String of(String make, String model) {
    String mk = make == null ? "" : make.strip();
    String md = model == null ? "" : model.strip();
    if (md.isEmpty()) {
      return mk;
    }
    String firstWord = mk.split("\\s+")[0];
    if (mk.isEmpty() || md.regionMatches(true, 0, firstWord, 0, firstWord.length())) {
      return md;
    }
    return mk + " " + md;
  }
}
