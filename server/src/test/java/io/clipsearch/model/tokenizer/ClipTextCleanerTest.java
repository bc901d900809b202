package io.clipsearch.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClipTextCleanerTest {

  @Test
  void decodesHtmlEntitiesEscapedSeveralTimes() {
    assertEquals("fish & chips", ClipTextCleaner.clean("fish &amp; chips"));
    assertEquals("fish & chips", ClipTextCleaner.clean("fish &amp;amp; chips"));
    // ftfy decodes until nothing changes, then html.unescape runs twice more
    assertEquals("fish & chips", ClipTextCleaner.clean("fish &amp;amp;amp;amp;amp; chips"));
    assertEquals("& <b> html", ClipTextCleaner.clean("&amp; &lt;b&gt; html"));
    assertEquals("pérez", ClipTextCleaner.clean("P&EACUTE;REZ"));
    assertEquals("it's", ClipTextCleaner.clean("it&#x2019;s"));
  }

  @Test
  void leavesHtmlSourceToTheTwoPlainUnescapes() {
    // a '<' turns ftfy's unescaping off, so only Python's two html.unescape calls remain
    assertEquals("<b>&amp;</b>", ClipTextCleaner.clean("<b>&amp;amp;amp;</b>"));
    // ... and the curly quote they produce is not uncurled any more
    assertEquals("<i>it\u2019s</i>", ClipTextCleaner.clean("<i>it&#x2019;s</i>"));
  }

  @Test
  void fixesLinesAsFtfyDoes() {
    // ftfy's own example: once a line holds a '<', later lines are left escaped too
    assertEquals("&\n<html>\n&amp;", ClipTextCleaner.fixText("&amp;\n<html>\n&amp;"));
  }

  @Test
  void breaksLatinLigatures() {
    assertEquals("fluffiest", ClipTextCleaner.clean("ﬂuﬃeﬆ"));
    assertEquals("fi ligature", ClipTextCleaner.clean("ﬁ ligature"));
    assertEquals("æ", ClipTextCleaner.clean("Æ"));
  }

  @Test
  void narrowsFullWidthForms() {
    assertEquals("loud noises", ClipTextCleaner.clean("ＬＯＵＤ　ＮＯＩＳＥＳ"));
    assertEquals("uターン", ClipTextCleaner.clean("Ｕﾀｰﾝ"));
  }

  @Test
  void uncurlsQuotes() {
    assertEquals("\"here's a test\"", ClipTextCleaner.clean("\u201chere\u2019s a test\u201d"));
  }

  @Test
  void collapsesAndTrimsUnicodeWhiteSpace() {
    assertEquals("a photo of a dog", ClipTextCleaner.clean("  a   photo\tof\na\u00a0dog\u3000 "));
    assertEquals("", ClipTextCleaner.clean(" \t\n "));
    assertEquals("", ClipTextCleaner.clean(""));
    // zero width space is not white space
    assertEquals("zero\u200bwidth", ClipTextCleaner.clean("zero\u200bwidth"));
  }

  @Test
  void removesControlsAndTerminalEscapes() {
    assertEquals("ab", ClipTextCleaner.clean("a\u0000b\u007f"));
    assertEquals("blue", ClipTextCleaner.clean("\u001b[36;44mblue\u001b[0m"));
    assertEquals("bom", ClipTextCleaner.clean("\ufeffbom"));
  }

  @Test
  void readsC1ControlsAsWindows1252() {
    assertEquals("wait…", ClipTextCleaner.clean("wait\u0085"));
    assertEquals("€5", ClipTextCleaner.clean("\u00805"));
  }

  @Test
  void normalizesToNfcAndLowercases() {
    assertEquals("café", ClipTextCleaner.clean("CAFE\u0301"));
    // final sigma, as Python's str.lower() writes it
    assertEquals("\u03bf\u03b4\u03bf\u03c2", ClipTextCleaner.clean("ΟΔΟΣ"));
    assertEquals("i\u0307stanbul", ClipTextCleaner.clean("İstanbul"));
  }

  @Test
  void replacesLoneSurrogates() {
    assertEquals("a\ufffdb", ClipTextCleaner.clean("a\ud800b"));
    assertEquals("\ud83d\ude00", ClipTextCleaner.clean("\ud83d\ude00"));
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> ClipTextCleaner.clean(null));
  }
}
