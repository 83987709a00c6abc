package io.pdmgitops.simulator.config;

import java.util.ArrayList;
import java.util.List;

/** Invents clusters for scale tests: N clusters of M nodes with K guests each. */
public final class FleetGenerator {
  /** The token every generated cluster accepts (simulator-only credentials). */
  public static final TokenConfig TOKEN =
      new TokenConfig("pdm-gitops@pve!controller", "generated-cluster-secret", "admin");

  private FleetGenerator() {}

  public static List<ClusterConfig> clusters(int count, int nodes, int guests, int firstIndex) {
    List<ClusterConfig> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      String name = "gen-" + (c + 1);
      List<NodeConfig> nodeList = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        nodeList.add(new NodeConfig(name + "-node-" + (n + 1), true, 64, 512L << 30, 200L << 30));
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
                false,
                null,
                false));
      }
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
              false));
    }
    return out;
  }
}
