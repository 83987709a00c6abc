package io.pdmgitops.model.observed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One remote in one poll: either what it reported, or why it could not be asked. An unreachable
 * remote's guests are Unknown, never "stopped".
 */
public sealed interface RemoteObservation {
  String name();

  /** A remote that answered. */
  record Reachable(
      String name,
      String version,
      List<NodeObservation> nodes,
      List<GuestObservation> guests,
      List<DatastoreObservation> datastores)
      implements RemoteObservation {
    public Reachable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      nodes = List.copyOf(nodes);
      guests = List.copyOf(guests);
      datastores = List.copyOf(datastores);
    }

    /** A PVE cluster's observation: nodes and guests, no datastores. */
    public Reachable(
        String name, String version, List<NodeObservation> nodes, List<GuestObservation> guests) {
      this(name, version, nodes, guests, List.of());
    }

    public Optional<GuestObservation> guest(int vmid) {
      return guests.stream().filter(g -> g.vmid() == vmid).findFirst();
    }

    public boolean nodeOnline(String node) {
      return nodes.stream().anyMatch(n -> n.name().equals(node) && n.online());
    }
  }

  /**
   * A remote that could not be observed.
   *
   * @param message what the client reported, without secrets
   */
  record Unreachable(String name, Unreachability reason, String message)
      implements RemoteObservation {
    public Unreachable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
