package io.clipsearch.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket to a loopback port, with every header under the test's control (HTTP
 * client libraries set {@code Host} themselves and refuse malformed requests).
 */
final class RawHttp {

  /** A response: its status code and its raw body (chunked framing included, if any). */
  record Response(int status, String head, String body) {}

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
  Response send(String head, byte[] body) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      String framing =
          "Connection: close\r\n" + (body == null ? "" : "Content-Length: " + body.length + "\r\n");
      out.write((head + "\r\n" + framing + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String responseHead = end < 0 ? text : text.substring(0, end);
      String[] statusLine = responseHead.split(" ", 3);
      return new Response(
          Integer.parseInt(statusLine[1]), responseHead, end < 0 ? "" : text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code target} with {@code Host: localhost:<port>} and {@code extraHeaders}. */
  Response get(String target, String... extraHeaders) {
    return send(
        "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + headers(extraHeaders), null);
  }

  /** A request with a body, {@code Host: localhost:<port>} and {@code extraHeaders}. */
  Response send(
      String method, String target, String contentType, byte[] body, String... extraHeaders) {
    return send(
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: localhost:"
            + port
            + "\r\nContent-Type: "
            + contentType
            + headers(extraHeaders),
        body);
  }

  private static String headers(String[] extra) {
    StringBuilder s = new StringBuilder();
    for (String h : extra) {
      s.append("\r\n").append(h);
    }
    return s.toString();
  }
}
