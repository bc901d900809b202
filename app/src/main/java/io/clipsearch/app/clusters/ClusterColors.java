package io.clipsearch.app.clusters;

import java.awt.Color;

/** One color per cluster number, the same in the browser and on the map; grey for -1. */
final class ClusterColors {

  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd),
    new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22),
        new Color(0x393b79),
    new Color(0xad494a), new Color(0x637939), new Color(0x7b4173), new Color(0x3182bd),
        new Color(0xe6550d),
    new Color(0x31a354),
  };
  private static final Color NONE = new Color(0x9e9e9e);

  private ClusterColors() {}

  static Color of(int cluster) {
    return cluster < 0 ? NONE : PALETTE[cluster % PALETTE.length];
  }
}
