package io.clipsearch.app;

import java.awt.Image;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.swing.TransferHandler;

/**
 * Search by example from the desktop: an image file dropped on the window, or an image (or image
 * file) pasted from the clipboard. Reads happen on a worker: {@link #bytesOf} returns the work to
 * run, not the bytes.
 */
final class ImageTransfer extends TransferHandler {

  private final Consumer<Callable<byte[]>> search;

  /**
   * @param search receives the work that reads the image's bytes
   */
  ImageTransfer(Consumer<Callable<byte[]>> search) {
    this.search = search;
  }

  @Override
  public boolean canImport(TransferSupport support) {
    return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
        || support.isDataFlavorSupported(DataFlavor.imageFlavor);
  }

  @Override
  public boolean importData(TransferSupport support) {
    Optional<Callable<byte[]>> work = bytesOf(support.getTransferable());
    work.ifPresent(search);
    return work.isPresent();
  }

  /** The work that reads the image in {@code t}, if it holds a file or an image. */
  static Optional<Callable<byte[]>> bytesOf(Transferable t) {
    try {
      if (t.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
        List<?> files = (List<?>) t.getTransferData(DataFlavor.javaFileListFlavor);
        if (!files.isEmpty() && files.getFirst() instanceof File f) {
          return Optional.of(() -> Files.readAllBytes(f.toPath()));
        }
      }
      if (t.isDataFlavorSupported(DataFlavor.imageFlavor)) {
        Image image = (Image) t.getTransferData(DataFlavor.imageFlavor);
        return Optional.of(() -> png(image));
      }
    } catch (UnsupportedFlavorException | IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static byte[] png(Image image) throws IOException {
    BufferedImage b =
        new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
    var g = b.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(b, "png", out);
    return out.toByteArray();
  }
}
