package io.pdmgitops.webui.api;

import io.pdmgitops.model.fleet.FleetResource;
import java.util.List;
import java.util.Optional;

/** One row of GET /api/v1/resources, with PDM's names for types. */
public record ResourceRowView(
    String id,
    String type,
    String remote,
    String remoteType,
    String name,
    Optional<String> node,
    Optional<Integer> vmid,
    String status,
    boolean template,
    List<String> tags,
    Optional<String> pool,
    List<String> properties,
    Usage usage,
    Optional<String> declared,
    Optional<String> sync,
    Optional<String> health,
    String message) {

  /** CPU as a share of maxcpu cores; memory and disk in bytes. */
  public record Usage(double cpu, double maxcpu, long mem, long maxmem, long disk, long maxdisk) {}

  public static ResourceRowView of(FleetResource r) {
    var u = r.usage();
    return new ResourceRowView(
        r.id(),
        r.type().wire(),
        r.remote(),
        r.remoteType().wire(),
        r.name(),
        r.node(),
        r.vmid(),
        r.status(),
        r.template(),
        r.tags(),
        r.pool(),
        r.properties(),
        new Usage(u.cpu(), u.maxcpu(), u.mem(), u.maxmem(), u.disk(), u.maxdisk()),
        r.declared(),
        r.sync().map(Enum::name),
        r.health().map(Enum::name),
        r.message());
  }
}
