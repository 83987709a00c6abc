package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** One entry of {@code GET /cluster/status}: the cluster itself or one node. */
public record ClusterMember(
    String type,
    String id,
    String name,
    Optional<Integer> nodeid,
    Optional<Boolean> local,
    Optional<Boolean> online,
    Optional<Boolean> quorate,
    Optional<Integer> nodes,
    Optional<String> ip,
    Optional<String> level) {

  public boolean isNode() {
    return "node".equals(type);
  }
}
