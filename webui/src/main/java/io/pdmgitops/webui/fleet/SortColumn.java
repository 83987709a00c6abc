package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.fleet.FleetResource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns the resource table sorts by, with their order. */
public enum SortColumn {
  NAME("name", Comparator.comparing(r -> r.name().toLowerCase(java.util.Locale.ROOT))),
  TYPE("type", Comparator.comparing(r -> r.type().wire())),
  REMOTE("remote", Comparator.comparing(FleetResource::remote)),
  NODE("node", Comparator.comparing(r -> r.node().orElse(""))),
  VMID("vmid", Comparator.comparing(r -> r.vmid().orElse(0))),
  STATUS("status", Comparator.comparing(FleetResource::status)),
  SYNC("sync", Comparator.comparing(r -> r.sync().map(Enum::ordinal).orElse(-1))),
  HEALTH("health", Comparator.comparing(r -> r.health().map(Enum::ordinal).orElse(-1))),
  CPU("cpu", Comparator.comparingDouble(r -> r.usage().cpu())),
  MEMORY("memory", Comparator.comparingDouble(r -> r.usage().memoryShare())),
  DISK("disk", Comparator.comparingDouble(r -> r.usage().diskShare()));

  private final String wire;
  private final Comparator<FleetResource> order;

  SortColumn(String wire, Comparator<FleetResource> order) {
    this.wire = wire;
    this.order = order.thenComparing(FleetResource::id);
  }

  public String wire() {
    return wire;
  }

  public Comparator<FleetResource> order() {
    return order;
  }

  public static Optional<SortColumn> fromWire(String value) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(SortColumn::wire).collect(Collectors.joining(", "));
  }
}
