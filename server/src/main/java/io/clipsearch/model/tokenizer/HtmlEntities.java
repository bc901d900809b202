package io.clipsearch.model.tokenizer;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * HTML character references decoded exactly as the reference cleaning decodes them: Python's {@code
 * html.unescape} and ftfy's stricter {@code unescape_html}.
 *
 * <p>The entity table is jsoup's, which holds the same HTML5 names and values as Python's {@code
 * html.entities.html5}: every name with its semicolon, and the legacy subset ("base" entities) also
 * without one. jsoup's own {@code Parser.unescapeEntities} is not used because its rules for
 * numeric references and missing semicolons differ from Python's. Stateless and thread-safe.
 */
final class HtmlEntities {

  /** Python's {@code html._charref}: numeric references and names, each with an optional ';'. */
  private static final Pattern PYTHON_CHARREF =
      Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

  /** ftfy's {@code HTML_ENTITY_RE}: only references closed by a semicolon. */
  private static final Pattern FTFY_ENTITY = Pattern.compile("&#?[0-9A-Za-z]{1,24};");

  private static final int FIRST_C1 = 0x80;
  private static final int LAST_C1 = 0x9F;

  /**
   * What bytes 0x80-0x9F mean in Windows-1252, where the web reads them; the five bytes that
   * Windows-1252 leaves undefined keep their Latin-1 meaning (Python's "sloppy" codec, and the
   * HTML5 table Python's {@code html} module uses for these numeric references).
   */
  private static final char[] WINDOWS_1252_C1 = windows1252C1();

  private HtmlEntities() {}

  /** Python's {@code html.unescape}: every numeric and named reference, with or without ';'. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return replaceAll(PYTHON_CHARREF, text, m -> decodeReference(m.group(1)));
  }

  /**
   * ftfy's {@code unescape_html}: only references ending in ';', names as in HTML5 or all-caps
   * versions of the lowercase names ({@code &EACUTE;} is É); a numeric reference is decoded only
   * when Python decodes it whole.
   */
  static String unescapeStrict(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return replaceAll(FTFY_ENTITY, text, m -> decodeStrict(m.group()));
  }

  /** Whether {@code c} is a C1 control character (U+0080 to U+009F). */
  static boolean isC1Control(int c) {
    return c >= FIRST_C1 && c <= LAST_C1;
  }

  /** The Windows-1252 character for the C1 control character {@code c}. */
  static char windows1252(int c) {
    return WINDOWS_1252_C1[c - FIRST_C1];
  }

  private static String decodeStrict(String reference) {
    String name = reference.substring(1, reference.length() - 1);
    if (reference.charAt(1) == '#') {
      String decoded = unescape(reference);
      // a reference Python decodes only in part (like "&#12ab;") leaves its ';' behind: keep it all
      return decoded.indexOf(';') >= 0 ? reference : decoded;
    }
    if (Entities.isNamedEntity(name)) {
      return Entities.getByName(name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // an all-caps name stands for its lowercase entity, unless Python reads it as something else
    if (name.equals(name.toUpperCase(Locale.ROOT))
        && !lower.equals(name)
        && Entities.isNamedEntity(lower)
        && unescape(reference).equals(reference)) {
      return Entities.getByName(lower).toUpperCase(Locale.ROOT);
    }
    return reference;
  }

  /** Python's {@code html._replace_charref}; {@code s} is the reference less its '&'. */
  private static String decodeReference(String s) {
    if (s.charAt(0) == '#') {
      return decodeNumeric(s);
    }
    if (s.endsWith(";")) {
      String name = s.substring(0, s.length() - 1);
      if (Entities.isNamedEntity(name)) {
        return Entities.getByName(name);
      }
    } else if (Entities.isBaseNamedEntity(s)) {
      return Entities.getByName(s);
    }
    // the longest legacy name the text starts with, as HTML5 parsers do ("&ampx" is "&x")
    for (int end = s.length() - 1; end > 1; end--) {
      String prefix = s.substring(0, end);
      if (Entities.isBaseNamedEntity(prefix)) {
        return Entities.getByName(prefix) + s.substring(end);
      }
    }
    return "&" + s;
  }

  private static String decodeNumeric(String s) {
    boolean hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
    String digits = s.substring(hex ? 2 : 1);
    if (digits.endsWith(";")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    int code = parseSaturated(digits, hex ? 16 : 10);
    if (code == 0) {
      return "\uFFFD";
    }
    if (isC1Control(code)) {
      return String.valueOf(windows1252(code));
    }
    if (code > Character.MAX_CODE_POINT
        || (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE)) {
      return "\uFFFD";
    }
    return isInvalidCodePoint(code) ? "" : Character.toString(code);
  }

  /** Python's {@code html._invalid_codepoints}: controls and noncharacters, decoded to nothing. */
  private static boolean isInvalidCodePoint(int code) {
    return (code >= 0x1 && code <= 0x8)
        || code == 0xB
        || (code >= 0xE && code <= 0x1F)
        || (code >= 0x7F && code <= 0x9F)
        || (code >= 0xFDD0 && code <= 0xFDEF)
        || (code & 0xFFFE) == 0xFFFE;
  }

  /** The number, or {@code MAX_CODE_POINT + 1} for anything larger (Python has no overflow). */
  private static int parseSaturated(String digits, int radix) {
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      value = value * radix + Character.digit(digits.charAt(i), radix);
      if (value > Character.MAX_CODE_POINT) {
        return Character.MAX_CODE_POINT + 1;
      }
    }
    return (int) value;
  }

  private static String replaceAll(
      Pattern pattern, String text, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start()).append(replacement.apply(m));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  private static char[] windows1252C1() {
    Charset cp1252 = Charset.forName("windows-1252");
    char[] table = new char[LAST_C1 - FIRST_C1 + 1];
    for (int c = FIRST_C1; c <= LAST_C1; c++) {
      String decoded = new String(new byte[] {(byte) c}, cp1252);
      // Java decodes the undefined bytes to U+FFFD; the reference keeps them as they are
      table[c - FIRST_C1] = decoded.equals("\uFFFD") ? (char) c : decoded.charAt(0);
    }
    return table;
  }
}
