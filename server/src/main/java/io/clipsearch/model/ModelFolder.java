package io.clipsearch.model;

import io.clipsearch.model.image.PreprocessConfig;
import io.clipsearch.model.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A CLIP model folder in the published open_clip export layout, checked and read.
 *
 * <pre>
 * config.json                 open_clip model config (embed_dim, vision_cfg, text_cfg)
 * visual/preprocess_cfg.json  size, mean, std, interpolation, resize_mode
 * visual/model.onnx|model.pt  image tower (ONNX and/or TorchScript)
 * textual/model.onnx|model.pt text tower
 * textual/vocab.json + merges.txt, or tokenizer.json   CLIP BPE tokenizer, or
 * textual/tokenizer.json (+ tokenizer_config.json)      the Hugging Face tokenizer that
 *                             config.json's text_cfg.hf_tokenizer_name names (SigLIP, XLM-R)
 * </pre>
 *
 * <p>Immutable. Opening it reads only the small JSON files; model files are loaded by {@link
 * OpenClipFamily} (through {@link ClipModels}).
 *
 * @param root the folder
 * @param config the open_clip config
 * @param preprocess the image preprocessing config
 * @param id a stable identifier of these exact files (see {@link #computeId})
 */
public record ModelFolder(Path root, ClipConfig config, PreprocessConfig preprocess, String id) {

  private static final int ID_SAMPLE_BYTES = 1 << 20;

  public ModelFolder {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(preprocess, "preprocess");
    Objects.requireNonNull(id, "id");
  }

  /**
   * Opens and validates a model folder.
   *
   * @throws IOException if a required file is missing or unreadable, naming it
   * @throws IllegalArgumentException if a config value is invalid or the towers disagree
   */
  public static ModelFolder open(Path root) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a model folder (no such directory)");
    }
    ClipConfig config = ClipConfig.read(require(dir.resolve("config.json")));
    PreprocessConfig preprocess =
        PreprocessConfig.read(require(dir.resolve("visual").resolve("preprocess_cfg.json")));
    if (preprocess.size() != config.imageSize()) {
      throw new IllegalArgumentException(
          dir
              + ": preprocess_cfg.json size "
              + preprocess.size()
              + " differs from config.json image_size "
              + config.imageSize());
    }
    ModelFolder folder = new ModelFolder(dir, config, preprocess, computeId(dir));
    if (folder.engines().isEmpty()) {
      throw new NoSuchFileException(
          dir.toString(),
          null,
          "no model files: expected visual/ and textual/ each holding model.onnx or model.pt");
    }
    return folder;
  }

  /** The folder's name, as people know the model (e.g. {@code ViT-B-32__openai}). */
  public String name() {
    return root.getFileName().toString();
  }

  /** The engines for which both towers are present, ONNX first. */
  public Set<EngineKind> engines() {
    Set<EngineKind> engines = EnumSet.noneOf(EngineKind.class);
    for (EngineKind kind : EngineKind.values()) {
      if (Files.isRegularFile(visualModel(kind)) && Files.isRegularFile(textualModel(kind))) {
        engines.add(kind);
      }
    }
    return engines;
  }

  /** The engine used when none is asked for: ONNX where present (faster on CPU), else PyTorch. */
  public EngineKind defaultEngine() {
    return engines().iterator().next();
  }

  public Path visualModel(EngineKind engine) {
    return root.resolve("visual").resolve(engine.fileName());
  }

  public Path textualModel(EngineKind engine) {
    return root.resolve("textual").resolve(engine.fileName());
  }

  /**
   * Loads the tokenizer from {@code textual/}, of the family {@code config.json} asks for ({@link
   * TokenizerFamily#of}): the Hugging Face tokenizer with open_clip's cleaning when it names one
   * ({@code text_cfg.hf_tokenizer_name}), else CLIP's BPE. The caller closes it.
   *
   * @throws IOException if no tokenizer files are there or they cannot be read, naming the file
   */
  public TextTokenizer openTokenizer() throws IOException {
    return TokenizerFamily.of(config).open(root.resolve("textual"), config);
  }

  /**
   * A short identifier of the folder's exact contents: its name and a hash of the configs and, for
   * each model file, its size and first and last megabyte. Cheap at load time (no full read of a
   * gigabyte file), yet different for any re-export or other weights in a folder of the same name.
   */
  static String computeId(Path dir) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> files = new ArrayList<>();
      files.add(dir.resolve("config.json"));
      files.add(dir.resolve("visual").resolve("preprocess_cfg.json"));
      for (String tower : List.of("visual", "textual")) {
        for (EngineKind kind : EngineKind.values()) {
          files.add(dir.resolve(tower).resolve(kind.fileName()));
        }
      }
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          digestSample(sha, file);
        }
      }
      String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
      return dir.getFileName() + "@" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void digestSample(MessageDigest sha, Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, size));
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, ID_SAMPLE_BYTES));
      readFully(ch, head);
      sha.update(head.flip());
      if (size > 2L * ID_SAMPLE_BYTES) {
        ch.position(size - ID_SAMPLE_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(ID_SAMPLE_BYTES);
        readFully(ch, tail);
        sha.update(tail.flip());
      }
    }
  }

  private static void readFully(SeekableByteChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining() && ch.read(buf) >= 0) {
      // keep reading: a channel may return short reads
    }
  }

  private static Path require(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "required model file is missing");
    }
    return file;
  }
}
