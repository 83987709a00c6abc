package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** {@code GET /nodes/{node}/status}, the parts a dashboard shows. */
public record NodeStatus(
    Optional<Long> uptime,
    Optional<Double> cpu,
    @JsonProperty("wait") Optional<Double> ioWait,
    List<Double> loadavg,
    Optional<String> kversion,
    Optional<String> pveversion,
    Optional<CpuInfo> cpuinfo,
    Optional<Usage> memory,
    Optional<Usage> swap,
    Optional<Usage> rootfs) {
  public NodeStatus {
    loadavg = loadavg == null ? List.of() : List.copyOf(loadavg);
  }

  /** CPU model and counts; {@code mhz} comes as a string and is read as a number. */
  public record CpuInfo(
      Optional<String> model,
      Optional<Integer> cores,
      Optional<Integer> cpus,
      Optional<Integer> sockets,
      Optional<Double> mhz) {}

  /** Total and used bytes. */
  public record Usage(Optional<Long> total, Optional<Long> used, Optional<Long> free) {}
}
