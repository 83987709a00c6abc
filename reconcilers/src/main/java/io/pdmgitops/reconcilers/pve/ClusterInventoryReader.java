package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.model.observed.StorageObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the {@code data} array of {@code /cluster/resources} straight into observations: the
 * controller's hottest read (every poll of every remote). No row record in between, fields the
 * inventory does not keep are skipped without being decoded, and the names repeated on every row
 * (node, pool, tags) are shared within one answer, so a sweep of 100,000 guests allocates and keeps
 * far less (docs/benchmarks.md). Lenient as {@link io.pdmgitops.reconcilers.api.LenientJson}:
 * numbers and booleans also as strings, nulls absent, unknown fields and shapes skipped.
 */
final class ClusterInventoryReader extends ValueDeserializer<ClusterInventory> {
  @Override
  public ClusterInventory deserialize(JsonParser p, DeserializationContext ctxt) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      // Not "no guests": an answer we cannot read must not make every declared guest Missing.
      return (ClusterInventory) ctxt.handleUnexpectedToken(ClusterInventory.class, p);
    }
    Answer answer = new Answer();
    Row row = new Row(answer);
    for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        p.skipChildren(); // not a row: skip it, stay in step
        continue;
      }
      row.read(p);
      answer.add(row);
    }
    return answer.finish();
  }

  /** What one answer has produced so far, and the strings its rows share. */
  private static final class Answer {
    final List<NodeObservation> nodes = new ArrayList<>();
    final List<GuestObservation> guests = new ArrayList<>();
    final List<StorageObservation> storages = new ArrayList<>();
    final SharedStrings strings = new SharedStrings();

    /** Tag strings repeat as much as node names: split each distinct one once. */
    final Map<String, List<String>> tagLists = new HashMap<>();

    void add(Row r) {
      switch (r.type == null ? "" : r.type) {
        case "qemu", "lxc" -> {
          if (r.vmid != null) {
            guests.add(r.guest());
          }
        }
        case "node" -> {
          String name = r.node != null ? r.node : r.id;
          if (name != null) { // a node row that names no node says nothing we can use
            nodes.add(new NodeObservation(name, r.isOnline(), r.usage()));
          }
        }
        case "storage" -> {
          if (r.storage != null) {
            storages.add(r.storageObservation());
          }
        }
        default -> {} // pools, SDN zones: not part of the inventory
      }
    }

    /** Rows come in any order, so a guest's node may be known offline only at the end. */
    ClusterInventory finish() {
      Set<String> offline = new HashSet<>();
      for (NodeObservation n : nodes) {
        if (!n.online()) {
          offline.add(n.name());
        }
      }
      List<GuestObservation> out = guests;
      if (!offline.isEmpty()) {
        out = new ArrayList<>(guests.size());
        for (GuestObservation g : guests) {
          out.add(offline.contains(g.node()) ? unknownPower(g) : g);
        }
      }
      return new ClusterInventory(nodes, out, storages);
    }

    private static GuestObservation unknownPower(GuestObservation g) {
      return g.withPower(ObservedPower.UNKNOWN);
    }
  }

  /** One row's fields; reused from row to row, so reading a row allocates only what is kept. */
  private static final class Row {
    private final Answer answer;
    String id;
    String type;
    String node;
    Integer vmid;
    String name;
    String status;
    boolean template;
    double cpu;
    double maxcpu;
    long mem;
    long maxmem;
    long disk;
    long maxdisk;
    long uptime;
    String tags;
    String lock;
    String pool;
    String hastate;
    String storage;
    String plugintype;
    String content;
    boolean shared;

    Row(Answer answer) {
      this.answer = answer;
    }

    void read(JsonParser p) {
      clear();
      for (String field = p.nextName(); field != null; field = p.nextName()) {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
          continue;
        }
        if (token.isStructStart()) {
          p.skipChildren(); // a shape we do not know for this field
          continue;
        }
        switch (field) {
          case "id" -> id = nodeId(p, token); // only a node row may need its id
          case "type" -> type = answer.strings.of(p, token);
          case "node" -> node = answer.strings.of(p, token);
          case "vmid" -> vmid = p.getValueAsInt();
          case "name" -> name = p.getValueAsString();
          case "status" -> status = answer.strings.of(p, token);
          case "template" -> template = bool(p, token);
          case "cpu" -> cpu = p.getValueAsDouble();
          case "maxcpu" -> maxcpu = p.getValueAsDouble();
          case "mem" -> mem = p.getValueAsLong();
          case "maxmem" -> maxmem = p.getValueAsLong();
          case "disk" -> disk = p.getValueAsLong();
          case "maxdisk" -> maxdisk = p.getValueAsLong();
          case "uptime" -> uptime = p.getValueAsLong();
          case "tags" -> tags = answer.strings.of(p, token);
          case "lock" -> lock = answer.strings.of(p, token);
          case "pool" -> pool = answer.strings.of(p, token);
          case "hastate" -> hastate = answer.strings.of(p, token);
          case "storage" -> storage = answer.strings.of(p, token);
          case "plugintype" -> plugintype = answer.strings.of(p, token);
          case "content" -> content = answer.strings.of(p, token);
          case "shared" -> shared = bool(p, token);
          default -> {} // not kept (traffic counters, ...): the parser skips it unread
        }
      }
    }

    private static final String NODE_PREFIX = "node/";

    /** The node a node row's id names ("node/pve1": pve1), for rows without "node"; else null. */
    private static String nodeId(JsonParser p, JsonToken token) {
      if (token != JsonToken.VALUE_STRING || p.getStringLength() <= NODE_PREFIX.length()) {
        return null;
      }
      char[] chars = p.getStringCharacters();
      int offset = p.getStringOffset();
      for (int i = 0; i < NODE_PREFIX.length(); i++) {
        if (chars[offset + i] != NODE_PREFIX.charAt(i)) {
          return null;
        }
      }
      return p.getString().substring(NODE_PREFIX.length());
    }

    private void clear() {
      id = null;
      type = null;
      node = null;
      vmid = null;
      name = null;
      status = null;
      template = false;
      cpu = 0;
      maxcpu = 0;
      mem = 0;
      maxmem = 0;
      disk = 0;
      maxdisk = 0;
      uptime = 0;
      tags = null;
      lock = null;
      pool = null;
      hastate = null;
      storage = null;
      plugintype = null;
      content = null;
      shared = false;
    }

    boolean isOnline() {
      return "online".equals(status);
    }

    ResourceUsage usage() {
      return new ResourceUsage(cpu, maxcpu, mem, maxmem, disk, maxdisk);
    }

    GuestObservation guest() {
      boolean lxc = type.equals("lxc");
      return new GuestObservation(
          vmid,
          lxc ? GuestType.LXC : GuestType.QEMU,
          name != null ? name : (lxc ? "CT " : "VM ") + vmid,
          node != null ? node : "",
          power(),
          template,
          noLockIfEmpty(lock),
          Duration.ofSeconds(uptime),
          tagList(),
          Optional.ofNullable(pool),
          usage(),
          Optional.ofNullable(hastate));
    }

    /** /cluster/resources cannot tell paused from running: that needs a per-guest call. */
    private ObservedPower power() {
      if (status == null) {
        return ObservedPower.UNKNOWN;
      }
      return switch (status) {
        case "running" -> ObservedPower.RUNNING;
        case "stopped" -> ObservedPower.STOPPED;
        default -> ObservedPower.UNKNOWN;
      };
    }

    /** PVE separates tags with ';' (older versions also ',' or spaces). */
    private List<String> tagList() {
      if (tags == null) {
        return List.of();
      }
      if (answer.tagLists.size() >= SharedStrings.MAX_ENTRIES) {
        return PveLists.tags(tags);
      }
      return answer.tagLists.computeIfAbsent(tags, PveLists::tags);
    }

    StorageObservation storageObservation() {
      return new StorageObservation(
          node != null ? node : "",
          storage,
          plugintype != null ? plugintype : "",
          shared,
          status != null ? status : "unknown",
          disk,
          maxdisk,
          content == null ? List.of() : PveLists.commaSeparated(content));
    }
  }

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
