package io.clipsearch.cli;

import io.clipsearch.collection.CollectionInUseException;
import io.clipsearch.collection.NoSuchCollectionException;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.search.UnknownImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures people can fix (a missing folder, a bad argument, an unloadable model) into one
 * clear line on stderr and exit code 2 (as picocli's own usage errors); anything else is a bug and
 * shows its stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  static final int EXIT_USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    String message = userMessage(e);
    if (message == null) {
      throw e;
    }
    cli.getErr().println("clipsearch: " + message);
    return EXIT_USER_ERROR;
  }

  private static String userMessage(Throwable e) {
    return switch (e) {
      case NoSuchFileException n ->
          n.getFile() + (n.getReason() != null ? ": " + n.getReason() : ": no such file");
      case UncheckedIOException u -> userMessage(u.getCause());
      case IOException io -> io.getMessage();
      case IllegalArgumentException r -> r.getMessage();
      case NoSuchCollectionException r -> r.getMessage();
      case CollectionInUseException r -> r.getMessage();
      case IllegalStateException r -> r.getMessage();
      case EmbeddingException r -> r.getMessage();
      case UnknownImageException r -> r.getMessage();
      case ImageDecodeException r -> r.getMessage();
      default -> null;
    };
  }
}
