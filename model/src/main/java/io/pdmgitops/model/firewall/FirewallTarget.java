package io.pdmgitops.model.firewall;

import io.pdmgitops.model.desired.GuestType;
import java.util.Optional;

/**
 * Whose firewall options: the cluster's, a node's (its host firewall) or a guest's. A guest's API
 * path needs its node and type, which only the remote's sweep knows ({@link #path}).
 */
public record FirewallTarget(Level level, Optional<String> node, Optional<Integer> vmid) {
  /** The three places PVE keeps firewall options, each with its own option set. */
  public enum Level {
    CLUSTER,
    NODE,
    GUEST
  }

  public FirewallTarget {
    node = node == null ? Optional.empty() : node;
    vmid = vmid == null ? Optional.empty() : vmid;
  }

  public static final FirewallTarget CLUSTER =
      new FirewallTarget(Level.CLUSTER, Optional.empty(), Optional.empty());

  public static FirewallTarget node(String node) {
    return new FirewallTarget(Level.NODE, Optional.of(node), Optional.empty());
  }

  public static FirewallTarget guest(int vmid) {
    return new FirewallTarget(Level.GUEST, Optional.empty(), Optional.of(vmid));
  }

  /** From a spec: a vmid makes it a guest's, else a node makes it a node's, else the cluster's. */
  public static FirewallTarget of(Optional<String> node, Optional<Integer> vmid) {
    if (vmid.isPresent()) {
      return guest(vmid.get());
    }
    return node.map(FirewallTarget::node).orElse(CLUSTER);
  }

  /**
   * The options' API path; a guest's needs the node it runs on and its type.
   *
   * @param guestNode for a guest, the node it runs on now
   */
  public String path(String guestNode, GuestType guestType) {
    return switch (level) {
      case CLUSTER -> "/cluster/firewall/options";
      case NODE -> "/nodes/" + node.orElseThrow() + "/firewall/options";
      case GUEST ->
          "/nodes/"
              + guestNode
              + "/"
              + guestType.wire()
              + "/"
              + vmid.orElseThrow()
              + "/firewall/options";
    };
  }

  /** For messages: {@code the cluster}, {@code node pve1}, {@code guest 120}. */
  public String describe() {
    return switch (level) {
      case CLUSTER -> "the cluster";
      case NODE -> "node " + node.orElseThrow();
      case GUEST -> "guest " + vmid.orElseThrow();
    };
  }
}
