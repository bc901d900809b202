package io.clipsearch.api.errors;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request line longer than {@code micronaut.server.netty.max-initial-line-length} with
 * 414 URI Too Long, and headers larger than {@code micronaut.server.netty.max-header-size} with 431
 * Request Header Fields Too Large, each with the usual error body, where Micronaut would say 413
 * (which means a body too large). Sits right after Netty's HTTP/1 decoder, which flags such a
 * request as failed.
 */
@Singleton
final class TooLongRequestCustomizer
    implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

  private static final String URI_BODY =
      "{\"status\":414,\"error\":\"uri_too_long\",\"message\":\"the request line"
          + " is longer than the server accepts (micronaut.server.netty.max-initial-line-length); send long"
          + " queries with POST /api/search\"}";
  private static final String HEADERS_BODY =
      "{\"status\":431,\"error\":\"request_header_fields_too_large\","
          + "\"message\":\"the request's headers are larger than the server accepts"
          + " (micronaut.server.netty.max-header-size)\"}";

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event
        .getBean()
        .register(
            new NettyServerCustomizer() {
              @Override
              public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new PerConnection(channel) : this;
              }
            });
    return event.getBean();
  }

  /** Adds the check to one connection's pipeline once it is built. */
  private record PerConnection(Channel channel) implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return this;
    }

    @Override
    public void onStreamPipelineBuilt() {
      if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
        channel
            .pipeline()
            .addAfter(
                ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                "clipsearch-too-long",
                new Handler());
      }
    }
  }

  /**
   * Replies 414 or 431 to a request whose line or headers were too long, and closes the connection.
   */
  private static final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Throwable failure =
          msg instanceof HttpRequest request ? request.decoderResult().cause() : null;
      if (failure instanceof TooLongHttpLineException
          || failure instanceof TooLongHttpHeaderException) {
        ReferenceCountUtil.release(msg);
        boolean line = failure instanceof TooLongHttpLineException;
        FullHttpResponse response =
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                line
                    ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                Unpooled.copiedBuffer(line ? URI_BODY : HEADERS_BODY, StandardCharsets.UTF_8));
        response
            .headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }
}
