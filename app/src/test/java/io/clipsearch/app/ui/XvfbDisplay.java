package io.clipsearch.app.ui;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a virtual X display (Xvfb) before any test touches AWT, so UI tests run in real windows on
 * machines without a screen. The display number comes from surefire's DISPLAY (the pom sets one of
 * our own, :87); if its socket exists, that server is used. Without Xvfb the JVM goes headless:
 * pure tests still run and UI tests skip with a message.
 */
public final class XvfbDisplay implements LauncherSessionListener {

  private Process xvfb;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String display = System.getenv("DISPLAY");
    if (display == null || !display.startsWith(":")) {
      return; // a real display, or none configured: leave AWT alone
    }
    String number = display.substring(1).split("\\.")[0];
    Path socket = Path.of("/tmp/.X11-unix/X" + number);
    if (Files.exists(socket)) {
      return;
    }
    try {
      xvfb =
          new ProcessBuilder(
                  "Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp", "-terminate")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(socket) && xvfb.isAlive() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        xvfb.waitFor(50, TimeUnit.MILLISECONDS);
      }
      if (!Files.exists(socket)) {
        headless("Xvfb did not start on " + display);
      }
    } catch (IOException e) {
      headless("Xvfb is not installed (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      headless("interrupted while starting Xvfb");
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    // not here: AWT still holds its connection and would exit the JVM with an X I/O error.
    // -terminate ends Xvfb when the JVM's connection closes; the hook covers a JVM that never
    // connected.
    if (xvfb != null && !GraphicsEnvironment.isHeadless()) {
      // connect once, so that -terminate has a client whose exit ends Xvfb
      Toolkit.getDefaultToolkit().sync();
    }
  }

  private static void headless(String why) {
    System.err.println("XvfbDisplay: " + why + ": running headless, UI tests will be skipped");
    System.setProperty("java.awt.headless", "true");
  }
}
