package io.pdmgitops.model.observed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One remote in one poll: either what it reported, or why it could not be asked. An unreachable
 * remote's guests are Unknown, never "stopped".
 */
public sealed interface RemoteObservation {
  String name();

  /**
   * A remote that answered. A class rather than a record only to keep an index of its guests by
   * vmid: pairing looks up every declared guest, and a 1,000-guest remote must not be scanned 1,000
   * times.
   */
  final class Reachable implements RemoteObservation {
    private final String name;
    private final String version;
    private final List<NodeObservation> nodes;
    private final List<GuestObservation> guests;
    private final List<DatastoreObservation> datastores;
    private final List<StorageObservation> storages;
    private final Map<Integer, GuestObservation> byVmid;

    public Reachable(
        String name,
        String version,
        List<NodeObservation> nodes,
        List<GuestObservation> guests,
        List<DatastoreObservation> datastores,
        List<StorageObservation> storages) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
      this.nodes = List.copyOf(nodes);
      this.guests = List.copyOf(guests);
      this.datastores = List.copyOf(datastores);
      this.storages = List.copyOf(storages);
      Map<Integer, GuestObservation> index = new HashMap<>(this.guests.size() * 4 / 3 + 1);
      for (GuestObservation g : this.guests) {
        index.putIfAbsent(g.vmid(), g);
      }
      this.byVmid = index;
    }

    public Reachable(
        String name,
        String version,
        List<NodeObservation> nodes,
        List<GuestObservation> guests,
        List<DatastoreObservation> datastores) {
      this(name, version, nodes, guests, datastores, List.of());
    }

    /** A PVE cluster's observation: nodes and guests, no datastores. */
    public Reachable(
        String name, String version, List<NodeObservation> nodes, List<GuestObservation> guests) {
      this(name, version, nodes, guests, List.of(), List.of());
    }

    @Override
    public String name() {
      return name;
    }

    public String version() {
      return version;
    }

    public List<NodeObservation> nodes() {
      return nodes;
    }

    public List<GuestObservation> guests() {
      return guests;
    }

    public List<DatastoreObservation> datastores() {
      return datastores;
    }

    /** PVE storages, one per node that has them. */
    public List<StorageObservation> storages() {
      return storages;
    }

    public Optional<GuestObservation> guest(int vmid) {
      return Optional.ofNullable(byVmid.get(vmid));
    }

    public boolean nodeOnline(String node) {
      return nodes.stream().anyMatch(n -> n.name().equals(node) && n.online());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reachable r
          && name.equals(r.name)
          && version.equals(r.version)
          && nodes.equals(r.nodes)
          && guests.equals(r.guests)
          && datastores.equals(r.datastores)
          && storages.equals(r.storages);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, version, nodes, guests, datastores, storages);
    }

    @Override
    public String toString() {
      return "Reachable["
          + name
          + " "
          + version
          + ", "
          + nodes.size()
          + " nodes, "
          + guests.size()
          + " guests, "
          + datastores.size()
          + " datastores]";
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
