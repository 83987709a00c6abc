package io.pdmgitops.simulator.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Invents clusters for scale tests: N clusters of M nodes with K guests each; with problems, a
 * realistic share of them has what the Health page reports (by index, so every run is the same).
 */
public final class FleetGenerator {
  /** The token every generated cluster accepts (simulator-only credentials). */
  public static final TokenConfig TOKEN =
      new TokenConfig("pdm-gitops@pve!controller", "generated-cluster-secret", "admin");

  private FleetGenerator() {}

  public static List<ClusterConfig> clusters(int count, int nodes, int guests, int firstIndex) {
    return clusters(count, nodes, guests, firstIndex, false);
  }

  /**
   * @param problems give some nodes what a real fleet has: security updates waiting (every 3rd
   *     node), a kernel waiting for a reboot (every 5th), an expired key (every 17th), the
   *     no-subscription repository on a paid node (every 7th), a missing security repository (every
   *     11th); others run current on Standard keys and the enterprise repository
   */
  public static List<ClusterConfig> clusters(
      int count, int nodes, int guests, int firstIndex, boolean problems) {
    List<ClusterConfig> out = new ArrayList<>();
    int index = 0;
    for (int c = 0; c < count; c++) {
      String name = "gen-" + (c + 1);
      List<NodeConfig> nodeList = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        index++;
        nodeList.add(
            problems
                ? withProblems(name + "-node-" + (n + 1), index)
                : new NodeConfig(name + "-node-" + (n + 1), true, 64, 512L << 30, 200L << 30));
      }
      List<GuestConfig> guestList = new ArrayList<>();
      for (int g = 0; g < guests; g++) {
        int vmid = 100 + g;
        guestList.add(
            new GuestConfig(
                vmid,
                name + "-guest-" + vmid,
                g % 3 == 0 ? "lxc" : "qemu",
                nodeList.get(g % nodes).name(),
                g % 4 == 0 ? "stopped" : "running",
                2,
                4L << 30,
                32L << 30,
                List.of(g % 2 == 0 ? "production" : "lab"),
                g % 5 == 0 ? "batch" : null,
                false,
                // With problems, every tenth guest is an HA resource, as a cluster's databases are.
                problems && g % 10 == 0,
                null,
                false));
      }
      // With problems, every 6th cluster has SDN edits not applied, every 9th a zone that failed
      // on its first node.
      SdnConfig sdn =
          new SdnConfig(
              problems && (c + 1) % 6 == 0 ? List.of("tenants") : List.of(),
              problems && (c + 1) % 9 == 0
                  ? List.of(nodeList.get(0).name() + "/tenants")
                  : List.of());
      out.add(
          new ClusterConfig(
              name,
              FleetConfigReader.certificate(firstIndex + c),
              List.of(0),
              "8.2.4",
              nodeList,
              List.of(
                  new StorageConfig(
                      "local-lvm",
                      "lvmthin",
                      "images,rootdir",
                      false,
                      2L << 40,
                      1L << 40,
                      List.of())),
              guestList,
              List.of(TOKEN),
              FaultConfig.none(),
              false,
              sdn));
    }
    return out;
  }

  private static NodeConfig withProblems(String name, int i) {
    SubscriptionConfig subscription =
        i % 17 == 0
            ? new SubscriptionConfig("expired", "s", "2026-10-31", null)
            : new SubscriptionConfig("active", "s", "2027-09-30", null);
    List<AptConfig.PackageConfig> pending = new ArrayList<>();
    if (i % 3 == 0) {
      pending.add(
          new AptConfig.PackageConfig(
              "openssl",
              "Secure Sockets Layer toolkit",
              "3.0.14-1~deb12u2",
              "3.0.15-1~deb12u1",
              "Debian",
              "utils",
              "optional"));
    }
    if (i % 2 == 0) {
      pending.add(
          new AptConfig.PackageConfig(
              "pve-manager", "Proxmox VE tools", "8.2.4", "8.2.7", "Proxmox", "admin", "optional"));
    }
    boolean reboot = i % 5 == 0;
    AptConfig apt =
        new AptConfig(
            reboot ? "6.8.8-2-pve" : "6.8.12-4-pve",
            reboot ? List.of("6.8.12-4-pve", "6.8.8-2-pve") : List.of("6.8.12-4-pve"),
            pending,
            List.of(i % 7 == 0 ? "no-subscription" : "enterprise"),
            "bookworm",
            i % 11 != 0);
    return new NodeConfig(name, true, 64, 512L << 30, 200L << 30, subscription, apt);
  }
}
