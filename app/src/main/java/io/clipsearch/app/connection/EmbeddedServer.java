package io.clipsearch.app.connection;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Embedded mode: the clipsearch server started in this process on a free loopback port, with a
 * random token only this process knows. The app talks to it over HTTP like to a remote server.
 *
 * <p>{@link #start} blocks (it loads the model): call it off the EDT. The caller owns the instance
 * and closes it (indexes commit, the model is released).
 */
public final class EmbeddedServer implements AutoCloseable {

  private final ApplicationContext context;
  private final URI url;
  private final String token;

  private EmbeddedServer(ApplicationContext context, URI url, String token) {
    this.context = context;
    this.url = url;
    this.token = token;
  }

  /**
   * Starts the server.
   *
   * @param model the model folder, or null to use CLIPSEARCH_MODEL_DIR / the configuration
   * @param data the data folder, or null for the server's default
   * @throws RuntimeException the server's own exception if it cannot start (no model, ...)
   */
  public static EmbeddedServer start(Path model, Path data) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", -1);
    properties.put("clipsearch.auth.token", token);
    if (model != null) {
      properties.put("clipsearch.model.dir", model.toAbsolutePath().toString());
    }
    if (data != null) {
      properties.put("clipsearch.data.dir", data.toAbsolutePath().toString());
    }
    ApplicationContext context =
        Micronaut.build(new String[0]).banner(false).properties(properties).start();
    io.micronaut.runtime.server.EmbeddedServer server =
        context.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
    return new EmbeddedServer(context, URI.create("http://127.0.0.1:" + server.getPort()), token);
  }

  public URI url() {
    return url;
  }

  public String token() {
    return token;
  }

  @Override
  public void close() {
    context.close();
  }
}
