package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextMatcherTest {

  final TextMatcher matcher = new TextMatcher(new LuceneKeywordAnalyzer());

  final ImageFacts doc =
      new ImageDoc(
              Path.of("/home/ann/work/gas_pump/IMG_1417.JPG"),
              "id",
              1,
              0,
              10,
              10,
              new PhotoMetadata(
                  Optional.of(Instant.EPOCH),
                  Optional.of("Canon"),
                  Optional.of("Canon EOS R5"),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  1),
              new float[] {1, 0},
              List.of("golden retriever"),
              0)
          .facts();

  Optional<MatchedBy> match(String keywords) {
    return matcher.match(doc, matcher.terms(keywords));
  }

  @Test
  void everyTermMustBeInOnePlace() {
    assertEquals(Optional.of(MatchedBy.NAME), match("IMG_1417"));
    assertEquals(Optional.of(MatchedBy.NAME), match("img_1417.jpg"));
    assertEquals(Optional.of(MatchedBy.NAME), match("1417"));
    assertEquals(Optional.empty(), match("IMG_1418"));
    assertEquals(Optional.of(MatchedBy.FOLDER), match("gas pump"));
    assertEquals(Optional.empty(), match("gas station"));
    assertEquals(Optional.of(MatchedBy.CAMERA), match("canon r5"));
    assertEquals(Optional.of(MatchedBy.TAG), match("retriever"));
  }

  @Test
  void ancestorFoldersAndEmptyQueriesMatchNothing() {
    assertEquals(Optional.empty(), match("work"));
    assertEquals(Optional.empty(), match(""));
  }
}
