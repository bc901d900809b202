package io.clipsearch.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what Python 3.11's {@code html.unescape} returns for the same input. */
class HtmlEntitiesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "&amp;|&",
        "&amp|&",
        "&ampx|&x",
        "&notit;|¬it;",
        "&AMP;|&",
        "&Amp;|&Amp;",
        "&LTIMES;|<IMES;",
        "&#x41;&#66;|AB",
        "&#x80;|€",
        "&#59;|;",
        "&#;|&#;",
        "&#x;|&#x;",
        "&&amp;|&&",
        "&NotNestedGreaterGreater;|\u2aa2\u0338",
      })
  void unescapesLikePython(String escaped, String expected) {
    assertEquals(expected, HtmlEntities.unescape(escaped));
  }

  @Test
  void decodesOddNumericReferencesLikePython() {
    assertEquals("\ufffd", HtmlEntities.unescape("&#0;"));
    assertEquals("\ufffd", HtmlEntities.unescape("&#x110000;"));
    assertEquals("\ufffd", HtmlEntities.unescape("&#9999999999999999999999;"));
    assertEquals("\ufffd", HtmlEntities.unescape("&#xD800;"));
    assertEquals("\u0081", HtmlEntities.unescape("&#x81;"));
    assertEquals("", HtmlEntities.unescape("&#1;&#x7f;&#xFFFE;"));
    assertEquals("\fab;", HtmlEntities.unescape("&#12ab;"));
  }

  @Test
  void unescapesStrictlyLikeFtfy() {
    assertEquals(
        "ñ Ñ Ñ &nTILDE;", HtmlEntities.unescapeStrict("&ntilde; &Ntilde; &NTILDE; &nTILDE;"));
    assertEquals("BUNDESSTRASSE", HtmlEntities.unescapeStrict("BUNDESSTRA&SZLIG;E"));
    assertEquals("this&not that", HtmlEntities.unescapeStrict("this&not that"));
    // decoded only in part by Python: kept whole
    assertEquals("&#12ab;", HtmlEntities.unescapeStrict("&#12ab;"));
    assertEquals("&#59;", HtmlEntities.unescapeStrict("&#59;"));
    assertEquals("<tag>", HtmlEntities.unescapeStrict("&lt;tag&gt;"));
  }
}
