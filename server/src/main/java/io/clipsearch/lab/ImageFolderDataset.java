package io.clipsearch.lab;

import io.clipsearch.model.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A labeled image set laid out as one folder per class ({@code root/<class>/*.jpg}, the torchvision
 * {@code ImageFolder} layout), read eagerly. Immutable.
 *
 * <p>Classes are the non-hidden sub-folders in name order; images are the files with an image
 * extension anywhere under a class folder, in path order, so a limit per class always takes the
 * same images.
 *
 * @param root the dataset folder
 * @param classIds the class folder names
 * @param classNames the name of each class, for prompts
 * @param images the images with their class index
 */
public record ImageFolderDataset(
    Path root, List<String> classIds, List<String> classNames, List<LabeledImage> images) {

  /** No limit per class. */
  public static final int ALL = Integer.MAX_VALUE;

  public ImageFolderDataset {
    Objects.requireNonNull(root, "root");
    classIds = List.copyOf(classIds);
    classNames = List.copyOf(classNames);
    images = List.copyOf(images);
    if (classIds.size() != classNames.size()) {
      throw new IllegalArgumentException(
          classIds.size() + " classes but " + classNames.size() + " names");
    }
    for (LabeledImage image : images) {
      if (image.label() >= classIds.size()) {
        throw new IllegalArgumentException(
            image.file() + " has label " + image.label() + " of " + classIds.size());
      }
    }
  }

  /**
   * Reads a dataset folder.
   *
   * @param limitPerClass at most this many images of each class ({@link #ALL} for every one)
   * @throws IOException if a folder cannot be read
   * @throws IllegalArgumentException if the folder has no class folders or {@code limitPerClass <
   *     1}
   */
  public static ImageFolderDataset read(Path root, ClassNames names, int limitPerClass)
      throws IOException {
    if (limitPerClass < 1) {
      throw new IllegalArgumentException("limit per class must be >= 1, got " + limitPerClass);
    }
    if (!Files.isDirectory(root)) {
      throw new NotDirectoryException(root.toString());
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(root)) {
      classDirs =
          s.filter(Files::isDirectory)
              .filter(d -> !d.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    if (classDirs.isEmpty()) {
      throw new IllegalArgumentException(
          root
              + " has no class folders: expected one folder per class"
              + " (for cifar10-test, the test/ folder inside it)");
    }
    List<String> ids = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    List<LabeledImage> images = new ArrayList<>();
    for (Path dir : classDirs) {
      String id = dir.getFileName().toString();
      int label = ids.size();
      ids.add(id);
      classNames.add(names.nameOf(id));
      ImageFiles.list(dir).stream()
          .limit(limitPerClass)
          .forEach(f -> images.add(new LabeledImage(f, label)));
    }
    return new ImageFolderDataset(root, ids, classNames, images);
  }
}
