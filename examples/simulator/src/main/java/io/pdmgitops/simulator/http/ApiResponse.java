package io.pdmgitops.simulator.http;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the simulated server answers: a status with its reason phrase (PVE puts error text there),
 * and either data or an error.
 *
 * @param data the {@code data} member of a success envelope; null for errors
 * @param total the {@code total} member of paged lists, or -1
 * @param message error text, without PVE's trailing newline
 * @param errors per-parameter messages of a 400
 */
public record ApiResponse(
    int status,
    String reason,
    JsonNode data,
    long total,
    String message,
    Map<String, String> errors) {
  public ApiResponse {
    errors = Map.copyOf(errors);
  }

  public static ApiResponse ok(JsonNode data) {
    return new ApiResponse(200, "OK", data, -1, null, Map.of());
  }

  public static ApiResponse paged(JsonNode data, long total) {
    return new ApiResponse(200, "OK", data, total, null, Map.of());
  }

  public static ApiResponse error(int status, String message) {
    return new ApiResponse(status, message, null, -1, message, Map.of());
  }

  /** PVE's 400 for bad parameters: a fixed reason and one message per parameter. */
  public static ApiResponse badParameters(Map<String, String> errors) {
    String message = "Parameter verification failed.";
    return new ApiResponse(400, message, null, -1, message, errors);
  }

  public boolean isError() {
    return status >= 400;
  }
}
