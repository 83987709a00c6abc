package io.pdmgitops.model.desired;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a guest should run. A node on the same remote means an in-cluster migration; another remote
 * means a cross-cluster {@code remote_migrate}, which needs storage and bridge maps.
 *
 * @param remote target remote; empty means the guest's own remote
 * @param storageMap source storage to target storage, {@code *} for all others
 * @param bridgeMap source bridge to target bridge, {@code *} for all others
 * @param online live-migrate a running guest (default true)
 * @param deleteSource remove the source guest after a cross-cluster move (default false)
 * @param bwlimit bandwidth limit in KiB/s; empty or 0 means unlimited
 */
public record Placement(
    Optional<String> remote,
    String node,
    Optional<Integer> targetVmid,
    Map<String, String> storageMap,
    Map<String, String> bridgeMap,
    Optional<Boolean> online,
    Optional<Boolean> deleteSource,
    Optional<Long> bwlimit) {
  public Placement {
    Objects.requireNonNull(node, "node");
    remote = remote == null ? Optional.empty() : remote;
    targetVmid = targetVmid == null ? Optional.empty() : targetVmid;
    storageMap = storageMap == null ? Map.of() : Map.copyOf(storageMap);
    bridgeMap = bridgeMap == null ? Map.of() : Map.copyOf(bridgeMap);
    online = online == null ? Optional.empty() : online;
    deleteSource = deleteSource == null ? Optional.empty() : deleteSource;
    bwlimit = bwlimit == null ? Optional.empty() : bwlimit;
  }

  /** The target remote, given the guest's own remote as default. */
  public String remoteOr(String guestRemote) {
    return remote.orElse(guestRemote);
  }
}
