package io.pdmgitops.reconcilers.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-cluster migration, {@code POST .../migrate}.
 *
 * @param online live-migrate a running VM (containers: not supported by PVE, use restart)
 * @param restart containers: shut down, move, start again
 * @param bwlimit KiB/s
 */
public record MigrationRequest(
    String targetNode, boolean online, boolean restart, Optional<Long> bwlimit) {
  public MigrationRequest {
    Objects.requireNonNull(targetNode, "targetNode");
    bwlimit = bwlimit == null ? Optional.empty() : bwlimit;
  }

  Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("target", targetNode);
    if (online) {
      form.put("online", "1");
    }
    if (restart) {
      form.put("restart", "1");
    }
    bwlimit.ifPresent(b -> form.put("bwlimit", String.valueOf(b)));
    return form;
  }
}
