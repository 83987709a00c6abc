package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.Product;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cross-cluster migration, {@code POST .../remote_migrate}: the source cluster connects to the
 * target with the target's token, pinned to its certificate. A running guest keeps running as in
 * {@link MigrationRequest}: a VM live ({@code online}), a container by restart ({@code restart}).
 *
 * @param type the guest's type: the path and which parameters the call takes
 * @param storageMap source storage to target storage; key {@code *} maps everything else
 * @param bridgeMap source bridge to target bridge; key {@code *} maps everything else
 * @param running the guest runs now: a VM is sent {@code online=1}, a container {@code restart=1}
 * @param restartTimeout containers only: seconds to wait for the shutdown before the move
 * @param deleteSource remove the source guest after success (PVE keeps it stopped otherwise)
 */
public record RemoteMigrationRequest(
    GuestType type,
    String targetHost,
    int targetPort,
    ApiToken targetToken,
    String targetFingerprint,
    Map<String, String> storageMap,
    Map<String, String> bridgeMap,
    Optional<Integer> targetVmid,
    boolean running,
    Optional<Integer> restartTimeout,
    boolean deleteSource,
    Optional<Long> bwlimit) {
  public RemoteMigrationRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(targetHost, "targetHost");
    Objects.requireNonNull(targetToken, "targetToken");
    Objects.requireNonNull(targetFingerprint, "targetFingerprint");
    storageMap = Map.copyOf(storageMap);
    bridgeMap = Map.copyOf(bridgeMap);
    if (storageMap.isEmpty() || bridgeMap.isEmpty()) {
      throw new IllegalArgumentException("a remote migration needs a storage map and a bridge map");
    }
    targetVmid = targetVmid == null ? Optional.empty() : targetVmid;
    restartTimeout = MigrationRequest.checkedRestartTimeout(type, restartTimeout);
    bwlimit = bwlimit == null ? Optional.empty() : bwlimit;
  }

  /** The form body; it carries the target token's secret, so it is never logged. */
  Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        "target-endpoint",
        "host="
            + targetHost
            + ",port="
            + targetPort
            + ",apitoken="
            + targetToken.authorization(Product.PVE)
            + ",fingerprint="
            + targetFingerprint);
    form.put("target-storage", idMap(storageMap));
    form.put("target-bridge", idMap(bridgeMap));
    targetVmid.ifPresent(v -> form.put("target-vmid", String.valueOf(v)));
    MigrationRequest.putRunningMove(form, type, running, restartTimeout);
    if (deleteSource) {
      form.put("delete", "1");
    }
    bwlimit.ifPresent(b -> form.put("bwlimit", String.valueOf(b)));
    return form;
  }

  /** PVE's id map: {@code src:dst} pairs, and a bare id as the default for all others. */
  static String idMap(Map<String, String> map) {
    StringBuilder out = new StringBuilder();
    map.entrySet().stream()
        .filter(e -> !e.getKey().equals("*"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.append(out.isEmpty() ? "" : ",")
                    .append(e.getKey())
                    .append(':')
                    .append(e.getValue()));
    Optional.ofNullable(map.get("*"))
        .ifPresent(d -> out.append(out.isEmpty() ? "" : ",").append(d));
    return out.toString();
  }
}
