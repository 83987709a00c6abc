package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** One entry of {@code GET /nodes}; an offline node has only name, status and fingerprint. */
public record PveNode(
    String node,
    String status,
    Optional<Double> cpu,
    Optional<Integer> maxcpu,
    Optional<Long> mem,
    Optional<Long> maxmem,
    Optional<Long> disk,
    Optional<Long> maxdisk,
    Optional<Long> uptime,
    Optional<String> level,
    @JsonProperty("ssl_fingerprint") Optional<String> sslFingerprint) {

  public boolean isOnline() {
    return "online".equals(status);
  }
}
