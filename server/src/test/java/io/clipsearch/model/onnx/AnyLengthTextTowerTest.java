package io.clipsearch.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.clipsearch.model.onnx.OnnxGraph.GraphProto;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The any-length rewrite of a causal text tower on the {@code tiny-clip} export (ONNX, int32 {@code
 * [1, 77]}): equal to the original at every length, kept out when its check fails or it does not
 * apply, cached by the original's hash.
 */
class AnyLengthTextTowerTest {

  private static final int SOT = 49406;
  private static final int EOT = 49407;
  private static final int CONTEXT = 77;

  private static Path tinyText() {
    return SharedFixtures.tinyClip().resolve("textual").resolve("model.onnx");
  }

  /**
   * Texts of {@code lengths} tokens: start, random ids, end (a 1-token text is the end token
   * alone).
   */
  private static List<int[]> probes(int... lengths) {
    Random random = new Random(42);
    List<int[]> probes = new ArrayList<>();
    for (int length : lengths) {
      int[] ids = new int[length];
      for (int i = 0; i < length - 1; i++) {
        ids[i] = i == 0 ? SOT : 1 + random.nextInt(EOT - 2);
      }
      ids[length - 1] = EOT;
      probes.add(ids);
    }
    return probes;
  }

  private static int[] everyLength() {
    int[] lengths = new int[CONTEXT];
    for (int i = 0; i < CONTEXT; i++) {
      lengths[i] = i + 1;
    }
    return lengths;
  }

  private static ModelProto parse(Path file) throws IOException {
    return ModelProto.parseFrom(Files.readAllBytes(file));
  }

  @Test
  void theRewrittenGraphEqualsTheOriginalAtEveryLengthUpToTheContext() throws IOException {
    TextLengthRewriter.Rewritten rewritten =
        assertInstanceOf(
            TextLengthRewriter.Rewritten.class, TextLengthRewriter.rewrite(parse(tinyText())));
    assertTrue(rewritten.summary().contains("2 causal masks"), rewritten.summary());
    assertEquals(
        "length",
        rewritten
            .model()
            .getGraph()
            .getInput(0)
            .getType()
            .getTensorType()
            .getShape()
            .getDim(1)
            .getDimParam());

    RewriteCheck.Verdict verdict =
        RewriteCheck.verify(
            tinyText(), rewritten.model().toByteArray(), probes(everyLength()), 0, 1);

    assertTrue(verdict.passed(), verdict.detail());
    assertTrue(verdict.detail().startsWith("77 texts of 1 to 77 tokens"), verdict.detail());
    // the causal mask makes every token after the end token irrelevant: not close, equal
    assertEquals(0.0, verdict.maxAbsDiff(), verdict.detail());
  }

  @Test
  void aRewriteThatFailsItsCheckKeepsTheOriginalAndSaysWhy(@TempDir Path cache) throws IOException {
    AnyLengthTextTower broken =
        new AnyLengthTextTower(
            model -> {
              TextLengthRewriter.Rewritten r =
                  (TextLengthRewriter.Rewritten) TextLengthRewriter.rewrite(model);
              return new TextLengthRewriter.Rewritten(
                  nudgePositionalEmbedding(r.model()), r.summary());
            });

    AnyLengthTextTower.Prepared prepared =
        broken.prepare(tinyText(), List.of(cache), probes(2, 9, 77), 0, 1);

    assertFalse(prepared.anyLength());
    assertEquals(tinyText(), prepared.model());
    assertTrue(
        prepared.detail().startsWith("kept at the context length: the rewrite failed its check"),
        prepared.detail());
    assertTrue(prepared.detail().contains("> 1.0E-6"), prepared.detail());
    // the outcome is cached: doctor reads it, and the next load keeps the original without a new
    // check
    assertEquals(Optional.of(prepared), AnyLengthTextTower.status(tinyText(), List.of(cache)));
    assertEquals(
        prepared, new AnyLengthTextTower().prepare(tinyText(), List.of(cache), probes(2), 0, 1));
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(
          List.of(".txt"),
          files.map(f -> f.toString().substring(f.toString().lastIndexOf('.'))).toList());
    }
  }

  @Test
  void aPassedRewriteIsCachedBesideTheModelWhenItsFolderIsWritable(@TempDir Path dir)
      throws IOException {
    Path original = Files.copy(tinyText(), dir.resolve("model.onnx"));
    Path elsewhere = dir.resolve("elsewhere");

    AnyLengthTextTower.Prepared first =
        new AnyLengthTextTower()
            .prepare(original, List.of(dir, elsewhere), probes(2, 5, 40, 77), 0, 1);

    assertTrue(first.anyLength(), first.detail());
    assertEquals(dir, first.model().getParent());
    assertTrue(
        first.model().getFileName().toString().matches("model\\.any-length-[0-9a-f]{16}\\.onnx"),
        first.model().toString());
    assertTrue(first.detail().contains("max abs difference 0.0"), first.detail());
    assertFalse(Files.exists(elsewhere));
    assertEquals(
        first,
        new AnyLengthTextTower().prepare(original, List.of(dir, elsewhere), probes(2), 0, 1));

    // other bytes, another key: a re-exported model is prepared anew
    Files.write(original, Files.readAllBytes(original), StandardOpenOption.APPEND);
    assertEquals(Optional.empty(), AnyLengthTextTower.status(original, List.of(dir, elsewhere)));
  }

  @Test
  void aBidirectionalTextTowerIsLeftAsItIs() throws IOException {
    Path siglip = SharedFixtures.clipFixture("families/tiny-siglip/textual/model.onnx");
    TextLengthRewriter.Unchanged kept =
        assertInstanceOf(
            TextLengthRewriter.Unchanged.class, TextLengthRewriter.rewrite(parse(siglip)));
    assertTrue(kept.reason().contains("padding matters"), kept.reason());
  }

  /**
   * Adds 1 to the first value of the positional embedding: a rewrite that is wrong by a visible
   * amount.
   */
  private static ModelProto nudgePositionalEmbedding(ModelProto model) {
    GraphProto.Builder graph = model.getGraph().toBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      TensorProto t = graph.getInitializer(i);
      if (t.getDimsList().equals(List.of((long) CONTEXT, 32L))) {
        ByteBuffer raw =
            ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        raw.putFloat(0, raw.getFloat(0) + 1f);
        graph.setInitializer(i, t.toBuilder().setRawData(ByteString.copyFrom(raw.array())));
      }
    }
    return model.toBuilder().setGraph(graph).build();
  }
}
