package io.clipsearch.app;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** FlatLaf light or dark: installed before any component exists, switched live later. */
final class Theme {

  private static final Logger LOG = LoggerFactory.getLogger(Theme.class);

  private Theme() {}

  /** Installs {@code light} or {@code dark}; falls back to FlatLaf light if that fails. */
  static void install(String theme) {
    boolean ok = "dark".equals(theme) ? FlatDarkLaf.setup() : FlatLightLaf.setup();
    if (!ok) {
      LOG.warn("cannot install the {} theme: using FlatLaf light", theme);
      FlatLightLaf.setup();
    }
  }

  /** Switches the theme of every open window. */
  static void switchTo(String theme) {
    install(theme);
    FlatLaf.updateUI();
  }
}
