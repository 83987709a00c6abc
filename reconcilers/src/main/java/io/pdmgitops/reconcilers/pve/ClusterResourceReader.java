package io.pdmgitops.reconcilers.pve;

import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ClusterResource} field by field from the token stream. It is the hottest read of
 * the controller (every poll of every remote, thousands of rows), and the generic record binding of
 * 29 optional fields cost a third of the fetch (docs/benchmarks.md). Same leniency as {@link
 * io.pdmgitops.reconcilers.api.LenientJson}: numbers and booleans also as strings, nulls absent.
 */
final class ClusterResourceReader extends ValueDeserializer<ClusterResource> {
  @Override
  public ClusterResource deserialize(JsonParser p, DeserializationContext ctxt) {
    String id = null;
    String type = null;
    String node = null;
    Integer vmid = null;
    String name = null;
    String status = null;
    Boolean template = null;
    Double maxcpu = null;
    Double cpu = null;
    Long maxmem = null;
    Long mem = null;
    Long maxdisk = null;
    Long disk = null;
    Long uptime = null;
    Long netin = null;
    Long netout = null;
    Long diskread = null;
    Long diskwrite = null;
    String tags = null;
    String lock = null;
    String pool = null;
    String hastate = null;
    String storage = null;
    String plugintype = null;
    String content = null;
    Boolean shared = null;
    String level = null;
    String sdn = null;
    Integer cgroupMode = null;
    for (String field = p.nextName(); field != null; field = p.nextName()) {
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        continue;
      }
      if (token.isStructStart()) {
        p.skipChildren(); // a shape we do not know for this field: skip it, stay in step
        continue;
      }
      switch (field) {
        case "id" -> id = p.getValueAsString();
        case "type" -> type = p.getValueAsString();
        case "node" -> node = p.getValueAsString();
        case "vmid" -> vmid = p.getValueAsInt();
        case "name" -> name = p.getValueAsString();
        case "status" -> status = p.getValueAsString();
        case "template" -> template = bool(p, token);
        case "maxcpu" -> maxcpu = p.getValueAsDouble();
        case "cpu" -> cpu = p.getValueAsDouble();
        case "maxmem" -> maxmem = p.getValueAsLong();
        case "mem" -> mem = p.getValueAsLong();
        case "maxdisk" -> maxdisk = p.getValueAsLong();
        case "disk" -> disk = p.getValueAsLong();
        case "uptime" -> uptime = p.getValueAsLong();
        case "netin" -> netin = p.getValueAsLong();
        case "netout" -> netout = p.getValueAsLong();
        case "diskread" -> diskread = p.getValueAsLong();
        case "diskwrite" -> diskwrite = p.getValueAsLong();
        case "tags" -> tags = p.getValueAsString();
        case "lock" -> lock = p.getValueAsString();
        case "pool" -> pool = p.getValueAsString();
        case "hastate" -> hastate = p.getValueAsString();
        case "storage" -> storage = p.getValueAsString();
        case "plugintype" -> plugintype = p.getValueAsString();
        case "content" -> content = p.getValueAsString();
        case "shared" -> shared = bool(p, token);
        case "level" -> level = p.getValueAsString();
        case "sdn" -> sdn = p.getValueAsString();
        case "cgroup-mode" -> cgroupMode = p.getValueAsInt();
        default -> p.skipChildren(); // fields of newer versions
      }
    }
    return new ClusterResource(
        id,
        type,
        Optional.ofNullable(node),
        Optional.ofNullable(vmid),
        Optional.ofNullable(name),
        Optional.ofNullable(status),
        Optional.ofNullable(template),
        Optional.ofNullable(maxcpu),
        Optional.ofNullable(cpu),
        Optional.ofNullable(maxmem),
        Optional.ofNullable(mem),
        Optional.ofNullable(maxdisk),
        Optional.ofNullable(disk),
        Optional.ofNullable(uptime),
        Optional.ofNullable(netin),
        Optional.ofNullable(netout),
        Optional.ofNullable(diskread),
        Optional.ofNullable(diskwrite),
        Optional.ofNullable(tags),
        noLockIfEmpty(lock),
        Optional.ofNullable(pool),
        Optional.ofNullable(hastate),
        Optional.ofNullable(storage),
        Optional.ofNullable(plugintype),
        Optional.ofNullable(content),
        Optional.ofNullable(shared),
        Optional.ofNullable(level),
        Optional.ofNullable(sdn),
        Optional.ofNullable(cgroupMode));
  }

  /** An empty {@code lock} is no lock: a guest must not look locked (and Progressing) for it. */
  static Optional<String> noLockIfEmpty(String lock) {
    return lock == null || lock.isEmpty() ? Optional.empty() : Optional.of(lock);
  }

  static Boolean bool(JsonParser p, JsonToken token) {
    return switch (token) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_STRING -> {
        String text = p.getString().trim();
        yield text.equals("1") || text.equalsIgnoreCase("true");
      }
      default -> p.getValueAsLong() != 0;
    };
  }
}
