package io.clipsearch.model.tokenizer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The text cleaning CLIP's reference tokenizer applies before BPE (open_clip's {@code
 * whitespace_clean(basic_clean(text)).lower()}):
 *
 * <ol>
 *   <li>ftfy's {@code fix_text} with its default configuration, less mojibake repair (below);
 *   <li>Python's {@code html.unescape}, twice;
 *   <li>every run of Unicode white space to one space, trimmed;
 *   <li>lowercase.
 * </ol>
 *
 * <p>Of ftfy, as in its {@code fix_text}: the text is fixed line by line; each line is fixed until
 * nothing changes by, in this order, {@code unescape_html} (only while no line so far contains a
 * '&lt;', ftfy's "auto" mode), {@code fix_c1_controls}, {@code fix_latin_ligatures}, {@code
 * fix_character_width}, {@code uncurl_quotes}, {@code fix_line_breaks}, {@code fix_surrogates},
 * {@code remove_terminal_escapes}, {@code remove_control_chars} and NFC normalization.
 *
 * <p>Left out: {@code fix_encoding}, the repair of mojibake (UTF-8 read as Windows-1252 and the
 * like), with its sub-steps {@code restore_byte_a0}, {@code replace_lossy_sequences} and {@code
 * decode_inconsistent_utf8}. ftfy applies it only to text its "badness" heuristic (large tables of
 * suspicious character sequences) flags, so it leaves correct text alone; only text that already is
 * mojibake, such as "cafÃ©", is tokenized differently from the reference.
 *
 * <p>Case mapping and character classes come from the JDK's Unicode tables, which may be a newer
 * Unicode version than the reference Python's; they differ only on characters added since.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClipTextCleaner {

  /** ftfy's {@code max_decode_length}: the longest segment it fixes at once, in code points. */
  private static final int MAX_SEGMENT_CODE_POINTS = 1_000_000;

  /** ANSI terminal escapes; ftfy's {@code \d} is Python's Unicode digit. */
  private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001b\\[[\\p{Nd};]*[a-zA-Z]");

  /** Unicode White_Space, as Python's {@code regex} module reads {@code \s}. */
  private static final Pattern WHITE_SPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private static final int FIRST_WIDTH_FORM = 0xFF01;
  private static final int LAST_WIDTH_FORM = 0xFFEF;
  private static final int IDEOGRAPHIC_SPACE = 0x3000;

  /** ftfy's {@code WIDTH_MAP}: half- and full-width forms to their NFKC form. */
  private static final String[] WIDTH_FORMS = widthForms();

  private ClipTextCleaner() {}

  /**
   * Cleans one text the way the reference does before splitting it into words.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String clean(String text) {
    return collapseWhiteSpace(basicClean(text)).toLowerCase(Locale.ROOT);
  }

  /**
   * open_clip's {@code basic_clean}: ftfy's {@code fix_text} (the steps this class implements),
   * then {@code html.unescape} twice. The strip that follows it is left to {@link
   * #collapseWhiteSpace}, which every caller applies next.
   *
   * @throws NullPointerException if {@code text} is null
   */
  static String basicClean(String text) {
    Objects.requireNonNull(text, "text");
    return HtmlEntities.unescape(HtmlEntities.unescape(fixText(text)));
  }

  /** open_clip's {@code whitespace_clean}: every run of white space to one space, trimmed. */
  static String collapseWhiteSpace(String text) {
    // runs of white space become one space, so trimming one space at each end is a full strip
    String collapsed = WHITE_SPACE.matcher(text).replaceAll(" ");
    int start = collapsed.startsWith(" ") ? 1 : 0;
    int end = collapsed.length() - (collapsed.length() > start && collapsed.endsWith(" ") ? 1 : 0);
    return collapsed.substring(start, end);
  }

  /** ftfy's {@code fix_text} with the steps this class implements. */
  static String fixText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean unescapeHtml = true;
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos) + 1;
      if (end == 0) {
        end = text.length();
      }
      if (text.codePointCount(pos, end) > MAX_SEGMENT_CODE_POINTS) {
        end = text.offsetByCodePoints(pos, MAX_SEGMENT_CODE_POINTS);
      }
      String segment = text.substring(pos, end);
      // ftfy's "auto": text with a '<' may be HTML source, left as written from there on
      if (segment.indexOf('<') >= 0) {
        unescapeHtml = false;
      }
      out.append(fixSegment(segment, unescapeHtml));
      pos = end;
    }
    return out.toString();
  }

  private static String fixSegment(String segment, boolean unescapeHtml) {
    String text = segment;
    while (true) {
      String before = text;
      if (unescapeHtml) {
        text = HtmlEntities.unescapeStrict(text);
      }
      text = translate(text, ClipTextCleaner::fixC1Control);
      text = translate(text, ClipTextCleaner::fixLatinLigature);
      text = translate(text, ClipTextCleaner::fixCharacterWidth);
      text = translate(text, ClipTextCleaner::uncurlQuote);
      text = fixLineBreaks(text);
      text = fixSurrogates(text);
      text = TERMINAL_ESCAPE.matcher(text).replaceAll("");
      text = translate(text, ClipTextCleaner::removeControlChar);
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
      if (text.equals(before)) {
        return text;
      }
    }
  }

  private static String fixC1Control(int c) {
    return HtmlEntities.isC1Control(c) ? String.valueOf(HtmlEntities.windows1252(c)) : null;
  }

  /** ftfy's {@code LIGATURES}: Latin ligatures and legacy digraphs, not æ and œ. */
  private static String fixLatinLigature(int c) {
    return switch (c) {
      case 'Ĳ' -> "IJ";
      case 'ĳ' -> "ij";
      case 'ŉ' -> "ʼn";
      case 'Ǳ' -> "DZ";
      case 'ǲ' -> "Dz";
      case 'ǳ' -> "dz";
      case 'Ǆ' -> "DŽ";
      case 'ǅ' -> "Dž";
      case 'ǆ' -> "dž";
      case 'Ǉ' -> "LJ";
      case 'ǈ' -> "Lj";
      case 'ǉ' -> "lj";
      case 'Ǌ' -> "NJ";
      case 'ǋ' -> "Nj";
      case 'ǌ' -> "nj";
      case 'ﬀ' -> "ff";
      case 'ﬁ' -> "fi";
      case 'ﬂ' -> "fl";
      case 'ﬃ' -> "ffi";
      case 'ﬄ' -> "ffl";
      case 'ﬅ' -> "ſt";
      case 'ﬆ' -> "st";
      default -> null;
    };
  }

  private static String fixCharacterWidth(int c) {
    if (c == IDEOGRAPHIC_SPACE) {
      return " ";
    }
    return c >= FIRST_WIDTH_FORM && c <= LAST_WIDTH_FORM ? WIDTH_FORMS[c - FIRST_WIDTH_FORM] : null;
  }

  private static String uncurlQuote(int c) {
    if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B)) {
      return "'";
    }
    return c >= 0x201C && c <= 0x201F ? "\"" : null;
  }

  /** ftfy's {@code CONTROL_CHARS}: controls with no visible effect; tab and line breaks stay. */
  private static String removeControlChar(int c) {
    boolean control =
        (c <= 0x08)
            || c == 0x0B
            || (c >= 0x0E && c <= 0x1F)
            || c == 0x7F
            || (c >= 0x206A && c <= 0x206F)
            || c == 0xFEFF
            || (c >= 0xFFF9 && c <= 0xFFFC);
    return control ? "" : null;
  }

  private static String fixLineBreaks(String text) {
    return text.replace("\r\n", "\n")
        .replace('\r', '\n')
        .replace('\u2028', '\n')
        .replace('\u2029', '\n')
        .replace('\u0085', '\n');
  }

  /** Unpaired UTF-16 surrogates become U+FFFD (paired ones already are one code point here). */
  private static String fixSurrogates(String text) {
    return translate(
        text, c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? "\uFFFD" : null);
  }

  /**
   * Maps each code point through {@code mapping} (null keeps it), like Python's {@code
   * str.translate}; returns {@code text} itself when nothing changes.
   */
  private static String translate(String text, IntFunction<String> mapping) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      String replacement = mapping.apply(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.appendCodePoint(c);
        }
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static String[] widthForms() {
    String[] forms = new String[LAST_WIDTH_FORM - FIRST_WIDTH_FORM + 1];
    for (int c = FIRST_WIDTH_FORM; c <= LAST_WIDTH_FORM; c++) {
      String original = Character.toString(c);
      String normalized = Normalizer.normalize(original, Normalizer.Form.NFKC);
      forms[c - FIRST_WIDTH_FORM] = normalized.equals(original) ? null : normalized;
    }
    return forms;
  }
}
