package io.clipsearch.model.mini;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.Arrays;
import java.util.Objects;

/**
 * The mini model's image tower: a small residual CNN (ResNet-style basic blocks) from a {@code size
 * x size} RGB tensor (CHW, normalized with the CLIP mean/std) to an L2-normalized {@value
 * MiniLmTextEncoder#DIMENSION}-d vector in the text tower's space.
 *
 * <p>Layout: a 3x3 stride-2 stem, then one stage per entry of {@code widths}, each but the first
 * opening with a stride-2 basic block (projection shortcut) followed by {@code blocksPerStage - 1}
 * identity blocks; global average pooling; a linear projection; L2 normalization. The normalization
 * is part of the block, so training and inference see the same output.
 *
 * <p>The weights are saved as DJL {@code .params}: DJL cannot trace a Java-built block to
 * TorchScript, so the definition lives here and {@link #build} rebuilds it from the model folder's
 * config before the parameters are loaded. Immutable value; {@link #build} returns a new block each
 * call.
 *
 * @param imageSize input side in pixels
 * @param stemWidth channels of the stem convolution
 * @param widths channels per stage
 * @param blocksPerStage basic blocks per stage (at least 1)
 */
public record MiniImageTower(int imageSize, int stemWidth, int[] widths, int blocksPerStage) {

  public static final int DEFAULT_IMAGE_SIZE = 64;

  /**
   * The default: 2.35 M parameters (9.4 MB of float32); its training speed is in
   * docs/BENCHMARKS.md.
   */
  public static MiniImageTower defaults() {
    return new MiniImageTower(DEFAULT_IMAGE_SIZE, 32, new int[] {48, 96, 192, 320}, 1);
  }

  /**
   * @throws IllegalArgumentException if a size or width is not positive
   */
  public MiniImageTower {
    Objects.requireNonNull(widths, "widths");
    if (imageSize < 8 || stemWidth < 1 || widths.length == 0 || blocksPerStage < 1) {
      throw new IllegalArgumentException(
          "bad tower shape: imageSize="
              + imageSize
              + " stemWidth="
              + stemWidth
              + " widths="
              + Arrays.toString(widths)
              + " blocksPerStage="
              + blocksPerStage);
    }
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException(
            "stage width must be >= 1, got " + Arrays.toString(widths));
      }
    }
    widths = widths.clone();
  }

  @Override
  public int[] widths() {
    return widths.clone();
  }

  /** The input shape for a batch of {@code n} images. */
  public Shape inputShape(int n) {
    return new Shape(n, 3, imageSize, imageSize);
  }

  /** A new, uninitialized block of this shape. */
  public Block build() {
    SequentialBlock net = new SequentialBlock();
    // a stride-2 stem: full-resolution activations cost memory traffic (batch norm, ReLU and
    // their backward passes) out of proportion to their multiply-adds on a 2-core CPU
    net.add(conv(stemWidth, 3, 2)).add(BatchNorm.builder().build()).add(ElementwiseBlock.relu());
    int in = stemWidth;
    for (int s = 0; s < widths.length; s++) {
      int width = widths[s];
      net.add(basicBlock(in, width, s == 0 ? 1 : 2));
      for (int b = 1; b < blocksPerStage; b++) {
        net.add(basicBlock(width, width, 1));
      }
      in = width;
    }
    net.add(ElementwiseBlock.globalAvgPool());
    net.add(Linear.builder().setUnits(MiniLmTextEncoder.DIMENSION).build());
    net.add(ElementwiseBlock.l2Normalize());
    return net;
  }

  private static Block basicBlock(int in, int out, int stride) {
    SequentialBlock main =
        new SequentialBlock()
            .add(conv(out, 3, stride))
            .add(BatchNorm.builder().build())
            .add(ElementwiseBlock.relu())
            .add(conv(out, 3, 1))
            .add(BatchNorm.builder().build());
    Block shortcut =
        stride == 1 && in == out
            ? ElementwiseBlock.identity()
            : new SequentialBlock().add(conv(out, 1, stride)).add(BatchNorm.builder().build());
    return new ResidualBlock(main, shortcut);
  }

  private static Conv2d conv(int filters, int kernel, int stride) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(kernel / 2, kernel / 2))
        .optBias(false)
        .build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MiniImageTower t
        && imageSize == t.imageSize
        && stemWidth == t.stemWidth
        && blocksPerStage == t.blocksPerStage
        && Arrays.equals(widths, t.widths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageSize, stemWidth, blocksPerStage, Arrays.hashCode(widths));
  }

  @Override
  public String toString() {
    return "MiniImageTower[imageSize="
        + imageSize
        + ", stemWidth="
        + stemWidth
        + ", widths="
        + Arrays.toString(widths)
        + ", blocksPerStage="
        + blocksPerStage
        + "]";
  }
}
