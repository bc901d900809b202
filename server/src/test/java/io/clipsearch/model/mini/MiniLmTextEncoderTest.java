package io.clipsearch.model.mini;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.Vectors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmTextEncoderTest {

  private static MiniLmTextEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = MiniLmTextEncoder.load(2);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void tokenizesLikeBert() {
    // [CLS]=101, "a"=1037, "photo"=6302, "of"=1997, "dog"=3899, [SEP]=102 in the uncased BERT vocab
    assertArrayEquals(
        new int[] {101, 1037, 6302, 1997, 1037, 3899, 102}, encoder.tokenize("A photo of a dog"));
  }

  @Test
  void vectorsAreUnit384() {
    float[] v = encoder.embedText("a photo of a dog");
    assertEquals(MiniLmTextEncoder.DIMENSION, v.length);
    assertEquals(1.0, Vectors.dot(v, v), 1e-5);
  }

  @Test
  void synonymsAreCloseUnrelatedFar() {
    float[] dog = encoder.embedText("a photo of a dog");
    float[] puppy = encoder.embedText("a picture of a puppy");
    float[] taxes = encoder.embedText("a spreadsheet of quarterly taxes");
    float[] cat = encoder.embedText("a photo of a cat");
    double close = Vectors.dot(dog, puppy);
    double far = Vectors.dot(dog, taxes);
    // all-MiniLM-L6-v2 puts paraphrases around 0.7-0.8 and unrelated sentences near 0-0.1
    assertTrue(close > 0.6, "dog/puppy " + close);
    assertTrue(far < 0.2, "dog/taxes " + far);
    assertTrue(Vectors.dot(dog, cat) > far, "dog/cat above dog/taxes");
  }

  @Test
  void batchEqualsSingle() {
    List<String> texts = List.of("a goldfish", "a close-up photo of a school bus", "tench");
    List<float[]> batch = encoder.embedTexts(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(encoder.embedText(texts.get(i)), batch.get(i), 0f);
    }
  }
}
