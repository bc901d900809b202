package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifierQueryTest {

  @Test
  void fileNamesNumbersAndCameraNamesAreIdentifiers() {
    for (String q :
        new String[] {
          "IMG_1417.jpg",
          "IMG_1417",
          "1417",
          "DSC_0042",
          "dsc_0042.JPG",
          "20240601_153000",
          "beach.jpeg",
          "ILSVRC2012_val_00020400"
        }) {
      assertTrue(IdentifierQuery.matches(q), q);
    }
  }

  @Test
  void wordsAndSentencesAreNot() {
    for (String q :
        new String[] {"", "beach", "a dog", "tench", "IMG 1417", "red car 2", "gas_pump"}) {
      assertFalse(IdentifierQuery.matches(q), q);
    }
  }
}
