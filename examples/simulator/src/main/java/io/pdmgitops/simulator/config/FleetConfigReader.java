package io.pdmgitops.simulator.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a fleet file (see {@code examples/fleet.yaml}). */
public final class FleetConfigReader {
  private static final Duration DEFAULT_TASK = Duration.ofSeconds(2);

  private FleetConfigReader() {}

  public static FleetConfig read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return parse(document);
    }
  }

  public static FleetConfig parse(String yaml) {
    return parse((Object) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
  }

  static FleetConfig parse(Object document) {
    YamlMap root =
        new YamlMap("fleet", document).allow(Set.of("taskDuration", "clusters", "pbs", "generate"));
    List<ClusterConfig> clusters = new ArrayList<>();
    int index = 0;
    for (YamlMap c : root.list("clusters")) {
      clusters.add(cluster(c, index++));
    }
    List<PbsConfig> backupServers = new ArrayList<>();
    for (YamlMap p : root.list("pbs")) {
      backupServers.add(pbs(p, index++));
    }
    if (root.has("generate")) {
      YamlMap g =
          root.map("generate")
              .allow(Set.of("clusters", "nodesPerCluster", "guestsPerCluster", "problems"));
      clusters.addAll(
          FleetGenerator.clusters(
              g.integer("clusters", 1),
              g.integer("nodesPerCluster", 3),
              g.integer("guestsPerCluster", 100),
              index,
              g.bool("problems", false)));
    }
    return new FleetConfig(root.duration("taskDuration", DEFAULT_TASK), clusters, backupServers);
  }

  private static ClusterConfig cluster(YamlMap c, int index) {
    c.allow(
        Set.of(
            "name",
            "certificate",
            "listen",
            "version",
            "nodes",
            "storages",
            "guests",
            "tokens",
            "faults",
            "legacy",
            "sdn"));
    List<NodeConfig> nodes = new ArrayList<>();
    for (YamlMap n : c.list("nodes")) {
      n.allow(Set.of("name", "online", "cpus", "memory", "rootfs", "subscription", "apt"));
      nodes.add(
          new NodeConfig(
              n.required("name"),
              n.bool("online", true),
              n.integer("cpus", 16),
              n.size("memory", 64L << 30),
              n.size("rootfs", 100L << 30),
              subscription(n),
              n.has("apt") ? apt(n.map("apt")) : AptConfig.current()));
    }
    List<StorageConfig> storages = new ArrayList<>();
    for (YamlMap s : c.list("storages")) {
      s.allow(
          Set.of(
              "name", "type", "content", "shared", "size", "used", "nodes", "server", "datastore"));
      storages.add(
          new StorageConfig(
              s.required("name"),
              s.string("type", "dir"),
              s.string("content", "images,rootdir"),
              s.bool("shared", false),
              s.size("size", 1L << 40),
              s.size("used", 0),
              s.strings("nodes"),
              java.util.Optional.ofNullable(s.string("server", null)),
              java.util.Optional.ofNullable(s.string("datastore", null))));
    }
    List<GuestConfig> guests = new ArrayList<>();
    for (YamlMap g : c.list("guests")) {
      guests.add(guest(g, nodes.isEmpty() ? "pve" : nodes.get(0).name()));
    }
    return new ClusterConfig(
        c.required("name"),
        c.string("certificate", certificate(index)),
        c.has("listen") ? c.integers("listen") : List.of(0),
        c.string("version", "8.2.4"),
        nodes,
        storages,
        guests,
        tokens(c),
        faults(c.map("faults")),
        c.bool("legacy", false),
        c.has("sdn") ? sdn(c.map("sdn")) : SdnConfig.applied());
  }

  /**
   * {@code apt: {running-kernel: 6.8.8-2-pve, installed-kernels: [6.8.12-4-pve, 6.8.8-2-pve],
   * repositories: [no-subscription], suite: bookworm, security: true, pending: [{package: openssl,
   * old: 3.0.14-1~deb12u2, new: 3.0.15-1~deb12u1, origin: Debian}]}}; what is left out is as on a
   * current node.
   */
  private static AptConfig apt(YamlMap a) {
    a.allow(
        Set.of(
            "running-kernel",
            "installed-kernels",
            "pending",
            "repositories",
            "suite",
            "security",
            "ceph"));
    AptConfig current = AptConfig.current();
    List<String> kernels =
        a.has("installed-kernels") ? a.strings("installed-kernels") : current.installedKernels();
    List<AptConfig.PackageConfig> pending = new ArrayList<>();
    for (YamlMap p : a.list("pending")) {
      p.allow(Set.of("package", "title", "old", "new", "origin", "section", "priority"));
      pending.add(
          new AptConfig.PackageConfig(
              p.required("package"),
              p.string("title", p.required("package")),
              p.string("old", null),
              p.required("new"),
              p.string("origin", "Debian"),
              p.string("section", "utils"),
              p.string("priority", "optional")));
    }
    return new AptConfig(
        a.string("running-kernel", kernels.get(0)),
        kernels,
        pending,
        a.has("repositories") ? a.strings("repositories") : current.repositories(),
        a.string("suite", current.suite()),
        a.bool("security", true),
        a.bool("ceph", false));
  }

  /**
   * A snapshot's time: epoch seconds, or {@code 20h ago} / {@code 3d ago} before the fleet starts
   * (kept as negative seconds until the server knows its clock), so a demo's backups stay recent.
   */
  static long backupTime(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]+)([mhd]) ago").matcher(text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return -n
          * switch (m.group(2)) {
            case "m" -> 60L;
            case "h" -> 3_600L;
            default -> 86_400L;
          };
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "snapshot time '" + text + "': epoch seconds, or e.g. '20h ago', '3d ago'");
    }
  }

  /** {@code sdn: {pending: [tenants], errors: [pve2/tenants]}}. */
  private static SdnConfig sdn(YamlMap s) {
    s.allow(Set.of("pending", "errors"));
    return new SdnConfig(s.strings("pending"), s.strings("errors"));
  }

  /** {@code subscription: active} or {@code subscription: {status: expired, level: b, ...}}. */
  private static SubscriptionConfig subscription(YamlMap node) {
    if (!node.has("subscription")) {
      return SubscriptionConfig.none();
    }
    if (!node.isMap("subscription")) {
      return SubscriptionConfig.of(node.required("subscription"));
    }
    YamlMap s = node.map("subscription").allow(Set.of("status", "level", "nextduedate", "message"));
    SubscriptionConfig defaults = SubscriptionConfig.of(s.string("status", "active"));
    return new SubscriptionConfig(
        defaults.status(),
        s.string("level", defaults.level()),
        s.string("nextduedate", defaults.nextDueDate()),
        s.string("message", defaults.message()));
  }

  static GuestConfig guest(YamlMap g, String defaultNode) {
    g.allow(
        Set.of(
            "vmid",
            "name",
            "type",
            "node",
            "status",
            "cpus",
            "memory",
            "disk",
            "tags",
            "pool",
            "template",
            "ha",
            "lock",
            "agent"));
    return new GuestConfig(
        g.integer("vmid", 0),
        g.string("name", "VM " + g.integer("vmid", 0)),
        g.string("type", "qemu"),
        g.string("node", defaultNode),
        g.string("status", "stopped"),
        g.integer("cpus", 2),
        g.size("memory", 2L << 30),
        g.size("disk", 32L << 30),
        g.strings("tags"),
        g.string("pool", null),
        g.bool("template", false),
        g.bool("ha", false),
        g.string("lock", null),
        g.bool("agent", false));
  }

  private static PbsConfig pbs(YamlMap p, int index) {
    p.allow(Set.of("name", "certificate", "listen", "version", "datastores", "tokens", "faults"));
    List<DatastoreConfig> stores = new ArrayList<>();
    for (YamlMap d : p.list("datastores")) {
      d.allow(Set.of("name", "size", "used", "groups", "growth", "gc", "verify", "prune"));
      List<DatastoreConfig.BackupGroupConfig> groups = new ArrayList<>();
      for (YamlMap g : d.list("groups")) {
        g.allow(Set.of("type", "id", "owner", "snapshots", "verify"));
        groups.add(
            new DatastoreConfig.BackupGroupConfig(
                g.string("type", "vm"),
                g.required("id"),
                g.string("owner", "root@pam"),
                g.strings("snapshots").stream().map(FleetConfigReader::backupTime).toList(),
                g.string("verify", "ok")));
      }
      // growth: bytes per day; gc, verify, prune: each job's last result (OK or PBS's error text)
      stores.add(
          new DatastoreConfig(
              d.required("name"),
              d.size("size", 4L << 40),
              d.size("used", 0),
              groups,
              d.size("growth", 0),
              d.string("gc", "OK"),
              d.string("verify", "OK"),
              d.string("prune", "OK")));
    }
    return new PbsConfig(
        p.required("name"),
        p.string("certificate", certificate(index)),
        p.has("listen") ? p.integers("listen") : List.of(0),
        p.string("version", "3.2"),
        stores,
        tokens(p),
        faults(p.map("faults")));
  }

  private static List<TokenConfig> tokens(YamlMap remote) {
    List<TokenConfig> tokens = new ArrayList<>();
    for (YamlMap t : remote.list("tokens")) {
      t.allow(Set.of("id", "secret", "role", "privileges"));
      String role = t.string("role", "admin");
      if (!Set.of("admin", "operator", "audit").contains(role)) {
        throw new IllegalArgumentException("token " + t.required("id") + ": unknown role " + role);
      }
      tokens.add(
          new TokenConfig(t.required("id"), t.required("secret"), role, t.strings("privileges")));
    }
    return tokens;
  }

  /** Faults from a parsed mapping, as the admin endpoint receives them. */
  public static FaultConfig parseFaults(Object mapping) {
    return faults(new YamlMap("faults", mapping));
  }

  static FaultConfig faults(YamlMap f) {
    f.allow(Set.of("latency", "errorRate", "down", "hang", "slowBody", "paths", "proxyFailure"));
    Map<String, FaultConfig> paths = new LinkedHashMap<>();
    YamlMap byPath = f.map("paths");
    for (String path : byPath.keys()) {
      paths.put(path, faults(byPath.map(path)));
    }
    return new FaultConfig(
        f.duration("latency", Duration.ZERO),
        f.decimal("errorRate", 0),
        f.bool("down", false),
        f.bool("hang", false),
        f.duration("slowBody", Duration.ZERO),
        paths,
        ProxyFailure.parse(f.string("proxyFailure", "none")));
  }

  /** Shipped certificates are reused round-robin by remotes that do not name one. */
  static String certificate(int index) {
    return "sim-" + (index % 6 + 1);
  }
}
