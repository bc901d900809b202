package io.clipsearch.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The labeled training images of the mini model: the {@code train/} folders of Tiny ImageNet,
 * Caltech 101 and Imagenette, merged into one label space by class name.
 *
 * <p>Class names: Tiny ImageNet's WordNet ids map to the first name in {@code classes.tsv}; Caltech
 * and Imagenette folder names lose their underscores ({@code french_horn} → "french horn"). Equal
 * names from different sets become one class; Caltech's {@code faces} and {@code faces_easy} become
 * "face", and its {@code background_google} clutter class is dropped. Only the fixed {@link
 * Source#trainDir} of each set is read: val/test splits, CIFAR-10, Flickr8k and COCO never enter
 * training.
 *
 * <p>Order is deterministic: classes sorted by name, images by source then path. Immutable.
 *
 * @param classes class names, index = label
 * @param items images with their label
 */
public record TrainingSet(List<String> classes, List<Item> items) {

  /** One training image. */
  public record Item(Path path, int label) {
    public Item {
      Objects.requireNonNull(path, "path");
    }
  }

  /** The training folders, relative to the datasets root. */
  public enum Source {
    TINY_IMAGENET("tiny-imagenet-200/train"),
    CALTECH101("caltech101/train"),
    IMAGENETTE("imagenette/train");

    private final String trainDir;

    Source(String trainDir) {
      this.trainDir = trainDir;
    }

    public String trainDir() {
      return trainDir;
    }
  }

  /**
   * Limits for smoke runs and tests.
   *
   * @param maxClasses keep the first N classes by name (0 = all)
   * @param maxPerClass keep the first N images of each class (0 = all)
   */
  public record Limits(int maxClasses, int maxPerClass) {
    public static final Limits NONE = new Limits(0, 0);

    public Limits {
      if (maxClasses < 0 || maxPerClass < 0) {
        throw new IllegalArgumentException(
            "limits must be >= 0, got " + maxClasses + ", " + maxPerClass);
      }
    }
  }

  public TrainingSet {
    classes = List.copyOf(classes);
    items = List.copyOf(items);
  }

  /**
   * Reads the training folders under {@code datasetsRoot}.
   *
   * @throws IOException if a folder is missing or unreadable
   */
  public static TrainingSet read(Path datasetsRoot, Limits limits) throws IOException {
    // class name -> images in source/path order
    TreeMap<String, List<Path>> byClass = new TreeMap<>();
    for (Source source : Source.values()) {
      Path dir = datasetsRoot.resolve(source.trainDir());
      if (!Files.isDirectory(dir)) {
        throw new IOException("training folder missing: " + dir);
      }
      Map<String, String> names =
          source == Source.TINY_IMAGENET ? wnidNames(dir.getParent()) : Map.of();
      for (Path classDir : sorted(dir)) {
        if (!Files.isDirectory(classDir)) {
          continue;
        }
        String folder = classDir.getFileName().toString();
        String name = source == Source.TINY_IMAGENET ? names.get(folder) : folderName(folder);
        if (name == null) {
          if (source == Source.TINY_IMAGENET) {
            throw new IOException("no name for " + folder + " in classes.tsv");
          }
          continue;
        }
        List<Path> images = byClass.computeIfAbsent(name, k -> new ArrayList<>());
        for (Path f : sorted(classDir)) {
          if (Files.isRegularFile(f) && isImage(f)) {
            images.add(f);
          }
        }
      }
    }
    List<String> classes = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : byClass.entrySet()) {
      if (limits.maxClasses() > 0 && classes.size() == limits.maxClasses()) {
        break;
      }
      if (e.getValue().isEmpty()) {
        continue;
      }
      int label = classes.size();
      classes.add(e.getKey());
      List<Path> images = e.getValue();
      int n =
          limits.maxPerClass() > 0 ? Math.min(limits.maxPerClass(), images.size()) : images.size();
      for (int i = 0; i < n; i++) {
        items.add(new Item(images.get(i), label));
      }
    }
    return new TrainingSet(classes, items);
  }

  /** Caltech/Imagenette folder → class name; null for folders that are not a class. */
  static String folderName(String folder) {
    String name = folder.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "background_google" -> null;
      case "faces", "faces_easy" -> "face";
      default -> name.replace('_', ' ');
    };
  }

  private static Map<String, String> wnidNames(Path tinyImagenetRoot) throws IOException {
    Map<String, String> names = new HashMap<>();
    List<String> lines = Files.readAllLines(tinyImagenetRoot.resolve("classes.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t");
      if (cols.length >= 2) {
        names.put(cols[0], cols[1].strip().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static boolean isImage(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
  }
}
