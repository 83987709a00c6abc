package io.pdmgitops.model.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Findings about a PVE remote's packages: security updates pending, other updates pending, a node
 * running an older kernel than it has installed, and nodes of one cluster on different pve-manager
 * versions (a half-done upgrade: Proxmox supports mixed versions only while upgrading).
 */
public final class UpdateRules {
  /** Packages a finding names at most; the page lists them all. */
  static final int NAMED = 5;

  private UpdateRules() {}

  public static List<Finding> findings(String remote, List<NodeUpdates> nodes) {
    List<Finding> out = new ArrayList<>();
    for (NodeUpdates n : nodes) {
      Optional<String> on = Optional.of(n.node());
      List<PendingPackage> security = n.security();
      if (!security.isEmpty()) {
        out.add(
            new Finding(
                "updates-security",
                Severity.WARNING,
                remote,
                on,
                n.node()
                    + " has "
                    + count(security.size(), "security update")
                    + " pending: "
                    + named(security),
                "upgrade the node (its Updates panel, or apt full-upgrade) in the next"
                    + " maintenance window"));
      }
      int others = n.pending().size() - security.size();
      if (others > 0) {
        out.add(
            new Finding(
                "updates-pending",
                Severity.INFO,
                remote,
                on,
                n.node()
                    + " has "
                    + count(others, "update")
                    + " pending: "
                    + named(n.pending().stream().filter(p -> !p.security()).toList()),
                "read the changelogs and upgrade the node when convenient"));
      }
      if (n.rebootNeeded()) {
        out.add(
            new Finding(
                "reboot-required",
                Severity.WARNING,
                remote,
                on,
                n.node()
                    + " runs kernel "
                    + n.runningKernel().get()
                    + " but "
                    + n.newestKernel().get()
                    + " is installed",
                "migrate its guests away and reboot it; if the kernel is pinned on purpose, this"
                    + " stays"));
      }
    }
    TreeSet<String> versions =
        nodes.stream()
            .flatMap(n -> n.managerVersion().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    if (versions.size() > 1) {
      out.add(
          new Finding(
              "versions-mixed",
              Severity.WARNING,
              remote,
              Optional.empty(),
              "the nodes of "
                  + remote
                  + " run different pve-manager versions: "
                  + nodes.stream()
                      .filter(n -> n.managerVersion().isPresent())
                      .map(n -> n.node() + " " + n.managerVersion().get())
                      .collect(Collectors.joining(", ")),
              "finish the upgrade on every node; a cluster is supported on mixed versions only"
                  + " while it is being upgraded"));
    }
    return out;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String named(List<PendingPackage> packages) {
    String names =
        packages.stream().limit(NAMED).map(PendingPackage::shown).collect(Collectors.joining(", "));
    return packages.size() > NAMED ? names + " and " + (packages.size() - NAMED) + " more" : names;
  }
}
