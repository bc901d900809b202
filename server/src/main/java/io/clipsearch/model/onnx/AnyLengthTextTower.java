package io.clipsearch.model.onnx;

import com.google.protobuf.CodedInputStream;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A causal ONNX text tower that takes texts cut after their end-of-text token instead of padded to
 * the context length: rewritten once ({@link TextLengthRewriter}), checked against the original
 * ({@link RewriteCheck}) and cached; the original is kept where the rewrite does not apply or its
 * check fails.
 *
 * <p>The cache holds, per original file, a note ({@code <name>.any-length-<key>.txt}: what was
 * decided and why) and, where the check passed, the rewritten graph ({@code
 * <name>.any-length-<key>.onnx}). The key is the SHA-256 of the original's bytes and of the
 * rewrite's version, so a re-exported model or a changed rewrite is prepared anew. Files are
 * written to a temporary name and moved into place, the note last: a note without its graph means
 * "keep the original", a graph without its note is unfinished and prepared again. Concurrent
 * preparations of the same file write the same bytes, so the last move wins harmlessly.
 *
 * <pre>{@code
 * AnyLengthTextTower.Prepared p = new AnyLengthTextTower().prepare(
 *     folder.resolve("textual/model.onnx"), List.of(folder.resolve("textual"), cacheDir), probes, 0, 2);
 * // load p.model(); feed texts cut after EOT when p.anyLength(), padded to 77 otherwise
 * }</pre>
 *
 * <p>Thread-safe and stateless apart from its rewriter.
 */
public final class AnyLengthTextTower {

  private static final Logger log = LoggerFactory.getLogger(AnyLengthTextTower.class);

  /** Part of the cache key: raise it when the rewrite changes, so old rewrites are not reused. */
  private static final String REWRITE_VERSION = "any-length-1";

  private static final int KEY_HEX_CHARS = 16;

  /**
   * What to load.
   *
   * @param model the file to load: the rewritten graph, or the original
   * @param anyLength whether {@code model} takes texts of any length up to the context length
   * @param detail what was decided and why, for logs, {@code doctor} and {@code models verify}
   */
  public record Prepared(Path model, boolean anyLength, String detail) {}

  private final Function<ModelProto, TextLengthRewriter.Result> rewriter;

  /** With the causal-mask rewrite. */
  public AnyLengthTextTower() {
    this(TextLengthRewriter::rewrite);
  }

  /** With another rewrite: for tests that need one that fails its check. */
  AnyLengthTextTower(Function<ModelProto, TextLengthRewriter.Result> rewriter) {
    this.rewriter = rewriter;
  }

  /**
   * The cached outcome for {@code original}, else rewrites, checks and caches it in the first of
   * {@code cacheDirs} that can be written. Where none can, the outcome is used once and not kept.
   *
   * @param original the text tower's ONNX file
   * @param cacheDirs where to look for a cached outcome, in order; the first writable one keeps a
   *     new one
   * @param probes the check's texts as token ids, start to end-of-text, unpadded
   * @param padId the id that fills a row after its end-of-text token
   * @param threads intra-op threads for the check
   * @throws IOException if {@code original} cannot be read
   */
  public Prepared prepare(
      Path original, List<Path> cacheDirs, List<int[]> probes, int padId, int threads)
      throws IOException {
    String key = key(original);
    Optional<Prepared> cached = cached(original, key, cacheDirs);
    if (cached.isPresent()) {
      return cached.get();
    }
    long start = System.nanoTime();
    byte[] bytes = Files.readAllBytes(original);
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    in.enableAliasing(true);
    in.setSizeLimit(Integer.MAX_VALUE);
    byte[] rewritten = null;
    String note;
    switch (rewriter.apply(ModelProto.parseFrom(in))) {
      case TextLengthRewriter.Unchanged u -> note = "kept at the context length: " + u.reason();
      case TextLengthRewriter.Rewritten r -> {
        byte[] candidate = r.model().toByteArray();
        RewriteCheck.Verdict verdict =
            RewriteCheck.verify(original, candidate, probes, padId, threads);
        if (verdict.passed()) {
          rewritten = candidate;
          note = r.summary() + "; checked against the original on " + verdict.detail();
        } else {
          note =
              "kept at the context length: the rewrite failed its check against the original on "
                  + verdict.detail();
        }
      }
    }
    log.info("text tower {}: {} ({} ms)", original, note, (System.nanoTime() - start) / 1_000_000);
    for (Path dir : cacheDirs) {
      try {
        return store(original, key, dir, rewritten, note);
      } catch (IOException | SecurityException e) {
        log.debug("cannot cache the text tower in {}: {}", dir, e.toString());
      }
    }
    log.warn(
        "text tower {}: no folder of {} is writable; the outcome is not cached",
        original,
        cacheDirs);
    return new Prepared(
        original, false, note + " (not cached: no writable folder, so the original runs)");
  }

  /**
   * The cached outcome for {@code original}, if any folder holds one, without preparing it: for
   * {@code doctor}.
   *
   * @throws IOException if {@code original} cannot be read
   */
  public static Optional<Prepared> status(Path original, List<Path> cacheDirs) throws IOException {
    return cached(original, key(original), cacheDirs);
  }

  private static Optional<Prepared> cached(Path original, String key, List<Path> cacheDirs) {
    for (Path dir : cacheDirs) {
      Path note = dir.resolve(baseName(original, key) + ".txt");
      Path graph = dir.resolve(baseName(original, key) + ".onnx");
      try {
        if (Files.isRegularFile(note)) {
          String detail = Files.readString(note, StandardCharsets.UTF_8).strip();
          return Optional.of(
              Files.isRegularFile(graph)
                  ? new Prepared(graph, true, detail)
                  : new Prepared(original, false, detail));
        }
      } catch (IOException e) {
        log.debug("unreadable text tower note {}: {}", note, e.toString());
      }
    }
    return Optional.empty();
  }

  private static Prepared store(Path original, String key, Path dir, byte[] rewritten, String note)
      throws IOException {
    Files.createDirectories(dir);
    String base = baseName(original, key);
    Path graph = dir.resolve(base + ".onnx");
    if (rewritten != null) {
      writeAtomically(graph, rewritten);
    }
    writeAtomically(dir.resolve(base + ".txt"), (note + "\n").getBytes(StandardCharsets.UTF_8));
    return rewritten != null
        ? new Prepared(graph, true, note)
        : new Prepared(original, false, note);
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String baseName(Path original, String key) {
    String name = original.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return (dot < 0 ? name : name.substring(0, dot)) + ".any-length-" + key;
  }

  /** The SHA-256 of the rewrite's version and the file's bytes, in hex, shortened. */
  private static String key(Path original) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(REWRITE_VERSION.getBytes(StandardCharsets.UTF_8));
      try (InputStream in = new DigestInputStream(Files.newInputStream(original), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, KEY_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
