package io.pdmgitops.webui.api;

/** Metrics in Prometheus' text format. */
@FunctionalInterface
public interface MetricsPort {
  String scrape();
}
