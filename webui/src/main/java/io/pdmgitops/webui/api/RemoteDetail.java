package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/**
 * One declared remote as the controller last saw it: GET /api/v1/remotes and the remotes pages.
 *
 * @param status online, offline (with {@code reason} and {@code message}), or unknown before the
 *     first poll
 * @param reason why it could not be observed: CONNECTION, CERTIFICATE (the pin did not match),
 *     AUTHENTICATION, SECRET, ERROR
 * @param nextPoll while backing off: when it is asked again
 */
public record RemoteDetail(
    String name,
    String type,
    List<Endpoint> endpoints,
    String status,
    Optional<String> reason,
    String message,
    Optional<String> version,
    int nodesOnline,
    int nodes,
    int guests,
    int declaredGuests,
    int storages,
    Optional<String> lastPoll,
    Optional<String> nextPoll) {
  public RemoteDetail {
    endpoints = List.copyOf(endpoints);
  }

  /** One API endpoint and the certificate it is pinned to, if any. */
  public record Endpoint(String url, Optional<String> fingerprint) {}
}
