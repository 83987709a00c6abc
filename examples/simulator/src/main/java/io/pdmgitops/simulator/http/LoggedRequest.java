package io.pdmgitops.simulator.http;

import java.time.Instant;
import java.util.Set;

/**
 * One request as the simulated remote saw it, for tests that count what reached a remote. Holds the
 * parameter names only: values may be tokens.
 *
 * @param status the answer's HTTP status; 0 when the request was dropped before it was acted on
 * @param acted whether the remote acted on it (false: the client was gone before it was handled, or
 *     a hang fault holds it unanswered)
 */
public record LoggedRequest(
    Instant at, String method, String path, Set<String> paramNames, int status, boolean acted) {
  public LoggedRequest {
    paramNames = Set.copyOf(paramNames);
  }

  @Override
  public String toString() {
    return method + " " + path + " " + paramNames + " -> " + (acted ? status : "dropped");
  }
}
