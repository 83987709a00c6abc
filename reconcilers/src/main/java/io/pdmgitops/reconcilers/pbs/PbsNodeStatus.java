package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** {@code GET /nodes/localhost/status}; PBS sends real numbers, unlike PVE. */
public record PbsNodeStatus(
    Optional<Long> uptime,
    Optional<Double> cpu,
    @JsonProperty("wait") Optional<Double> ioWait,
    List<Double> loadavg,
    Optional<String> kversion,
    Optional<Usage> memory,
    Optional<Usage> swap,
    Optional<Usage> root,
    Optional<Info> info) {
  public PbsNodeStatus {
    loadavg = loadavg == null ? List.of() : List.copyOf(loadavg);
  }

  /** Total and used bytes. */
  public record Usage(Optional<Long> total, Optional<Long> used) {}

  /** The fingerprint of the server's own certificate. */
  public record Info(Optional<String> fingerprint) {}
}
