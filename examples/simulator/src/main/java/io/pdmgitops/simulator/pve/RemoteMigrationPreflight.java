package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What qemu-server does before forking a remote migration: it reaches the target with the token and
 * pin of {@code target-endpoint} and reads its cluster status, so a wrong token, pin or host fails
 * the request itself. Runs without the cluster lock, because it calls another cluster.
 */
final class RemoteMigrationPreflight {
  /** Where the target's node name travels to the handler; never accepted from outside. */
  static final String TARGET_NODE = "sim-target-node";

  private static final Pattern PATH =
      Pattern.compile("^/nodes/[^/]+/(qemu|lxc)/[0-9]+/remote_migrate/?$");

  private final TokenAuth auth;

  RemoteMigrationPreflight(TokenAuth auth) {
    this.auth = auth;
  }

  ApiRequest prepare(ApiRequest request) {
    Map<String, String> params = new HashMap<>(request.params());
    params.remove(TARGET_NODE);
    if (!request.method().equals("POST") || !PATH.matcher(request.path()).matches()) {
      return new ApiRequest(request.method(), request.path(), params, request.authorization());
    }
    auth.authenticate(request); // an unauthenticated caller must not make us call anyone
    String endpoint = params.get("target-endpoint");
    if (endpoint == null) {
      throw ApiException.badParameter(
          "target-endpoint", "property is missing and it is not optional");
    }
    RemoteTarget target = RemoteTarget.parse(endpoint);
    try {
      params.put(TARGET_NODE, localNode(target.get("/cluster/status")));
    } catch (Exception e) {
      throw ApiException.of(
          500, "failed to get target cluster status - " + RemoteTarget.describe(e));
    }
    return new ApiRequest(request.method(), request.path(), params, request.authorization());
  }

  private static String localNode(JsonNode status) {
    for (JsonNode entry : status) {
      if ("node".equals(entry.path("type").asString()) && entry.path("local").asInt() == 1) {
        return entry.path("name").asString();
      }
    }
    throw new IllegalStateException("the target's cluster status names no local node");
  }
}
