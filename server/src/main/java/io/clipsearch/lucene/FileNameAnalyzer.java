package io.clipsearch.lucene;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Tokenizes file names, folder names and camera strings so that what people type finds them: {@code
 * IMG_2041.JPG} yields {@code img_2041}, {@code img}, {@code 2041} and {@code jpg}; {@code Canon
 * EOS R5} yields {@code canon}, {@code eos}, {@code r5}, {@code r}, {@code 5}. Accents are folded,
 * case is ignored. Used at index and query time alike. Thread-safe.
 */
public final class FileNameAnalyzer extends Analyzer {

  /** Path separators and dots split, like spaces; the delimiter filter then splits the rest. */
  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\.]+");

  private static final int DELIMITER_FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
          | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
          | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WhitespaceTokenizer();
    TokenStream stream = new WordDelimiterGraphFilter(source, DELIMITER_FLAGS, null);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PatternReplaceCharFilter(SEPARATORS, " ", reader);
  }
}
