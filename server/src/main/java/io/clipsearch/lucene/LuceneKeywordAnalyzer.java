package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import io.clipsearch.search.KeywordAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The keyword analysis of {@link IndexFields#TEXT}: {@link FileNameAnalyzer}'s terms, Lucene's
 * English stop words. The SolrCloud configset analyzes its {@code text} field filter for filter the
 * same, so the server hands this analyzer to the Solr backend too. Thread-safe (the analyzer reuses
 * per-thread token streams).
 */
public final class LuceneKeywordAnalyzer implements KeywordAnalyzer {

  private final Analyzer analyzer = new FileNameAnalyzer();

  @Override
  public List<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing an in-memory string failed", e);
    }
    return List.copyOf(terms);
  }

  @Override
  public boolean isStopWord(String word) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
  }
}
