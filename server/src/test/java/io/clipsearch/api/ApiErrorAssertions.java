package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.api.types.ApiError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Asserts that a request over real HTTP fails with a status and the API's error body. */
final class ApiErrorAssertions {

  private ApiErrorAssertions() {}

  /** Sends {@code request}, asserts the {@code expected} status and returns the error body. */
  static ApiError assertError(HttpClient client, HttpStatus expected, HttpRequest<?> request) {
    HttpClientResponseException e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
    assertEquals(expected, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
    return e.getResponse().getBody(ApiError.class).orElseThrow();
  }
}
