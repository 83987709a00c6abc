package io.pdmgitops.simulator.config;

import java.time.Duration;
import java.util.Map;

/**
 * Faults of one remote, settable in the fleet file and at runtime.
 *
 * @param latency added before every answer
 * @param errorRate share of requests (0..1) answered with 500 "simulated failure"
 * @param down listeners closed: connections are refused
 * @param hang connections are accepted but never answered
 * @param slowBody bodies are sent in small pieces spread over this time
 * @param paths faults for requests whose API path starts with the key (e.g. {@code /cluster})
 * @param proxyFailure calls pveproxy forwards to a node ({@code /nodes/{node}/...}) answer 596
 */
public record FaultConfig(
    Duration latency,
    double errorRate,
    boolean down,
    boolean hang,
    Duration slowBody,
    Map<String, FaultConfig> paths,
    ProxyFailure proxyFailure) {
  public FaultConfig {
    paths = Map.copyOf(paths);
    proxyFailure = proxyFailure == null ? ProxyFailure.NONE : proxyFailure;
  }

  /** Faults without a proxy failure, as tests outside this module build them. */
  public FaultConfig(
      Duration latency,
      double errorRate,
      boolean down,
      boolean hang,
      Duration slowBody,
      Map<String, FaultConfig> paths) {
    this(latency, errorRate, down, hang, slowBody, paths, ProxyFailure.NONE);
  }

  public static FaultConfig none() {
    return new FaultConfig(Duration.ZERO, 0, false, false, Duration.ZERO, Map.of());
  }

  /** The faults that apply to an API path: the longest matching path entry, else these. */
  public FaultConfig forPath(String apiPath) {
    return paths.entrySet().stream()
        .filter(e -> apiPath.startsWith(e.getKey()))
        .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
        .map(Map.Entry::getValue)
        .orElse(this);
  }
}
