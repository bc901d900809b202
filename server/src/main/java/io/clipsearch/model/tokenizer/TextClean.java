package io.clipsearch.model.tokenizer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * open_clip's text cleaning in front of a Hugging Face tokenizer ({@code
 * text_cfg.tokenizer_kwargs.clean} of a model's {@code config.json}), each on top of {@code
 * basic_clean} (ftfy's {@code fix_text}, then {@code html.unescape} twice, then a strip):
 *
 * <ul>
 *   <li>{@link #WHITESPACE} (open_clip's default): runs of white space to one space, trimmed;
 *   <li>{@link #LOWER}: the same, then lower case;
 *   <li>{@link #CANONICALIZE} (SigLIP): {@code _} to a space, ASCII punctuation ({@code
 *       string.punctuation}) removed, lower case, white space collapsed and trimmed.
 * </ul>
 *
 * <p>White space is Python's {@code str.split()} white space. Stateless and thread-safe.
 */
public enum TextClean {
  WHITESPACE,
  LOWER,
  CANONICALIZE;

  /** Python's {@code string.punctuation}: the 32 ASCII punctuation characters. */
  private static final Pattern PUNCTUATION =
      Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");

  /**
   * Cleans one text.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public String clean(String text) {
    String basic = ClipTextCleaner.basicClean(text);
    return switch (this) {
      case WHITESPACE -> ClipTextCleaner.collapseWhiteSpace(basic);
      case LOWER -> ClipTextCleaner.collapseWhiteSpace(basic).toLowerCase(Locale.ROOT);
      case CANONICALIZE -> {
        String noPunctuation = PUNCTUATION.matcher(basic.replace('_', ' ')).replaceAll("");
        yield ClipTextCleaner.collapseWhiteSpace(noPunctuation.toLowerCase(Locale.ROOT));
      }
    };
  }

  /**
   * The cleaning a config names ({@code canonicalize}, {@code lower}, {@code whitespace}); {@code
   * null} means open_clip's default, {@link #WHITESPACE}.
   *
   * @throws IllegalArgumentException naming the accepted values for any other name
   */
  public static TextClean named(String name) {
    if (name == null) {
      return WHITESPACE;
    }
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "text_cfg.tokenizer_kwargs.clean \""
              + name
              + "\" is not supported; expected canonicalize, lower or whitespace");
    }
  }
}
