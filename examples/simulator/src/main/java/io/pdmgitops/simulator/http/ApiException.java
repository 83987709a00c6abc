package io.pdmgitops.simulator.http;

import java.util.Map;

/** Thrown by a handler to answer with an error; the server turns it into a response. */
public final class ApiException extends RuntimeException {
  private final transient ApiResponse response;

  public ApiException(ApiResponse response) {
    super(response.message(), null, false, false);
    this.response = response;
  }

  public static ApiException of(int status, String message) {
    return new ApiException(ApiResponse.error(status, message));
  }

  public static ApiException badParameter(String name, String message) {
    return new ApiException(ApiResponse.badParameters(Map.of(name, message)));
  }

  public ApiResponse response() {
    return response;
  }
}
