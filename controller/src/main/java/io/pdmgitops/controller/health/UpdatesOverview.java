package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.NodeUpdates;
import io.pdmgitops.model.health.PendingPackage;
import io.pdmgitops.model.health.UpdateRules;
import io.pdmgitops.reconcilers.pve.PackageUpdate;
import io.pdmgitops.reconcilers.pve.PackageVersion;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The updates overview: per online node the cached upgradable list ({@code GET apt/update}, which
 * does not run apt-get update) and the key packages' versions ({@code GET apt/versions}: the
 * running kernel, the installed kernels newest first, pve-manager).
 */
public final class UpdatesOverview {
  /**
   * An installed kernel image: its release is the part a running kernel's {@code uname -r} shows.
   */
  private static final Pattern KERNEL =
      Pattern.compile("^(?:proxmox|pve)-kernel-(\\d+\\.\\d+\\.\\d+-\\d+-pve)(?:-signed)?$");

  /** Packages kept per node: a bound whatever a node reports. */
  static final int MAX_PACKAGES = 2_000;

  private UpdatesOverview() {}

  public static HealthOverview<List<NodeUpdates>> of(
      Supplier<List<Remote>> remotes,
      LastSweep sweep,
      RemoteClients clients,
      Duration every,
      Clock clock) {
    return new HealthOverview<>(
        NodeReads.perNode(
            "updates",
            every,
            remotes,
            sweep,
            clients,
            clock,
            (pve, node) ->
                pve.pendingUpdates(node)
                    .zipWith(pve.packageVersions(node))
                    .map(t -> updates(node, t.getT1(), t.getT2()))),
        "Updates",
        List.of("node", "package", "installed", "new", "origin", "priority", "marked"),
        (remote, nodes, now) -> UpdateRules.findings(remote, nodes),
        UpdatesOverview::rows);
  }

  static NodeUpdates updates(
      String node, List<PackageUpdate> pending, List<PackageVersion> versions) {
    List<PendingPackage> packages =
        pending.stream()
            .limit(MAX_PACKAGES)
            .map(
                p ->
                    new PendingPackage(
                        p.packageName(),
                        p.oldVersion(),
                        p.version(),
                        p.origin(),
                        p.priority(),
                        p.section()))
            .sorted(Comparator.comparing(PendingPackage::name))
            .toList();
    Optional<String> running =
        versions.stream().flatMap(v -> v.runningKernel().stream()).findFirst();
    Optional<String> newest =
        versions.stream()
            .filter(PackageVersion::installed)
            .map(v -> KERNEL.matcher(v.packageName()))
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .findFirst();
    Optional<String> manager =
        versions.stream()
            .filter(v -> v.packageName().equals("pve-manager"))
            .findFirst()
            .flatMap(v -> v.oldVersion().or(v::version));
    Optional<String> ceph =
        versions.stream()
            .filter(v -> v.packageName().equals("ceph") && v.installed())
            .findFirst()
            .flatMap(v -> v.oldVersion().or(v::version));
    return new NodeUpdates(node, packages, running, newest, manager, ceph);
  }

  /** The package name of a remote's totals row. */
  public static final String ALL_NODES = "(all nodes)";

  private static List<OverviewRow> rows(String remote, List<NodeUpdates> nodes) {
    List<OverviewRow> rows = new ArrayList<>();
    long pending = nodes.stream().mapToLong(n -> n.pending().size()).sum();
    long security = nodes.stream().mapToLong(n -> n.security().size()).sum();
    long reboot = nodes.stream().filter(NodeUpdates::rebootNeeded).count();
    rows.add(
        OverviewRow.ofRemote(
            remote,
            fields(
                "",
                ALL_NODES,
                "",
                "",
                "",
                "",
                pending
                    + " pending, "
                    + security
                    + " security, "
                    + reboot
                    + " of "
                    + nodes.size()
                    + " nodes to reboot")));
    for (NodeUpdates n : nodes) {
      rows.add(
          OverviewRow.ofNode(
              remote,
              n.node(),
              fields(
                  n.node(),
                  "kernel",
                  n.runningKernel().orElse(""),
                  n.newestKernel().orElse(""),
                  "",
                  "",
                  n.rebootNeeded() ? "reboot needed" : "")));
      for (PendingPackage p : n.pending()) {
        rows.add(
            OverviewRow.ofNode(
                remote,
                n.node(),
                fields(
                    n.node(),
                    p.name(),
                    p.oldVersion().orElse("(new)"),
                    p.version(),
                    p.origin().orElse(""),
                    p.priority().orElse(""),
                    p.security() ? "security" : "")));
      }
    }
    return rows;
  }

  private static Map<String, String> fields(
      String node,
      String pkg,
      String installed,
      String version,
      String origin,
      String priority,
      String marked) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("node", node);
    f.put("package", pkg);
    f.put("installed", installed);
    f.put("new", version);
    f.put("origin", origin);
    f.put("priority", priority);
    f.put("marked", marked);
    return f;
  }
}
