package io.clipsearch.api;

import io.clipsearch.model.ActiveModel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Holds a lease on the active model for each {@code /api} request, from before its controller runs
 * until its response is made (or the client goes away): a switch of model then closes the old model
 * and its indexes only after the requests that began on them have ended ({@link ActiveModel}).
 * Stateless.
 */
@Filter("/api/**")
final class ModelLeaseFilter implements HttpServerFilter {

  private final ActiveModel model;

  ModelLeaseFilter(ActiveModel model) {
    this.model = model;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    return Flux.using(model::lease, lease -> chain.proceed(request), ActiveModel.Lease::close);
  }
}
