package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a node resource gauge shows. */
public enum GaugeResource {
  /** CPU usage. */
  CPU("cpu"),
  /** Memory usage. */
  MEMORY("memory"),
  /** Storage usage. */
  STORAGE("storage");

  private final String wire;

  GaugeResource(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
