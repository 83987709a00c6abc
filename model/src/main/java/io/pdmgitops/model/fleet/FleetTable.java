package io.pdmgitops.model.fleet;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.DatastoreObservation;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.model.observed.StorageObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the fleet table from one poll and its drift report. Every declared remote has a row, up or
 * down; observed resources follow it. A declared guest the remote does not report still has a row
 * ({@code missing}, or {@code unknown} while its remote cannot be asked): the table shows what Git
 * expects as well as what is there.
 */
public final class FleetTable {
  /** A storage or datastore this full is flagged {@code high-usage}, as PDM does. */
  public static final double HIGH_USAGE = 0.9;

  private FleetTable() {}

  public static List<FleetResource> of(
      DesiredState state, Inventory inventory, DriftReport report) {
    Map<String, ResourceStatus> byLocation = new HashMap<>();
    Map<ObjectRef, ResourceStatus> byRef = new HashMap<>();
    for (ResourceStatus s : report.resources()) {
      byRef.put(s.ref(), s);
      s.location().ifPresent(l -> byLocation.put(l.remote() + "/" + l.vmid(), s));
    }
    Map<String, List<Guest>> guestsByRemote = new HashMap<>();
    for (Guest guest : state.guests()) {
      guestsByRemote.computeIfAbsent(guest.spec().remote(), r -> new ArrayList<>()).add(guest);
    }
    List<FleetResource> out = new ArrayList<>();
    for (Remote remote : state.remotes()) {
      String name = remote.metadata().name();
      RemoteType type = remote.spec().type();
      Optional<RemoteObservation> observed = inventory.remote(name);
      Optional<ResourceStatus> status = Optional.ofNullable(byRef.get(ObjectRef.of(remote)));
      boolean up = observed.filter(RemoteObservation.Reachable.class::isInstance).isPresent();
      String message =
          observed
              .filter(RemoteObservation.Unreachable.class::isInstance)
              .map(o -> ((RemoteObservation.Unreachable) o).message())
              .or(() -> status.map(ResourceStatus::message))
              .orElse("");
      out.add(
          new FleetResource(
              "remote/" + name,
              ResourceType.REMOTE,
              name,
              type,
              name,
              Optional.empty(),
              Optional.empty(),
              observed.isEmpty() ? "unknown" : up ? "online" : "offline",
              false,
              List.of(),
              Optional.empty(),
              List.of(),
              ResourceUsage.NONE,
              Optional.of(name),
              status.map(ResourceStatus::sync),
              status.map(ResourceStatus::health),
              message));
      Set<Integer> seen = new HashSet<>();
      if (observed.orElse(null) instanceof RemoteObservation.Reachable reachable) {
        addObserved(out, reachable, type, byLocation, seen);
      }
      addDeclaredNotSeen(
          out, guestsByRemote.getOrDefault(name, List.of()), name, type, byRef, seen);
    }
    return List.copyOf(out);
  }

  private static void addObserved(
      List<FleetResource> out,
      RemoteObservation.Reachable r,
      RemoteType type,
      Map<String, ResourceStatus> byLocation,
      Set<Integer> seen) {
    String remote = r.name();
    for (NodeObservation n : r.nodes()) {
      out.add(
          new FleetResource(
              "remote/" + remote + "/node/" + n.name(),
              ResourceType.NODE,
              remote,
              type,
              n.name(),
              Optional.of(n.name()),
              Optional.empty(),
              n.online() ? "online" : "offline",
              false,
              List.of(),
              Optional.empty(),
              List.of(),
              n.usage(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              ""));
    }
    for (GuestObservation g : r.guests()) {
      seen.add(g.vmid());
      Optional<ResourceStatus> declared =
          Optional.ofNullable(byLocation.get(remote + "/" + g.vmid()));
      List<String> properties = new ArrayList<>();
      g.lock().ifPresent(l -> properties.add("locked"));
      // HA-managed guests are searchable as property:ha, and by their state: property:ha-error.
      g.haState()
          .ifPresent(
              h -> {
                properties.add("ha");
                properties.add("ha-" + h);
              });
      declared.ifPresent(d -> properties.add("declared"));
      out.add(
          new FleetResource(
              "remote/" + remote + "/guest/" + g.vmid(),
              ResourceType.of(g.type()),
              remote,
              type,
              g.name(),
              Optional.of(g.node()),
              Optional.of(g.vmid()),
              g.power().name().toLowerCase(Locale.ROOT),
              g.template(),
              g.tags(),
              g.pool(),
              properties,
              g.usage(),
              declared.map(d -> d.ref().identity()),
              declared.map(ResourceStatus::sync),
              declared.map(ResourceStatus::health),
              declared.map(ResourceStatus::message).orElse("")));
    }
    for (StorageObservation s : r.storages()) {
      List<String> properties = new ArrayList<>();
      if (s.shared()) {
        properties.add("shared");
      }
      if (s.total() > 0 && (double) s.used() / s.total() >= HIGH_USAGE) {
        properties.add("high-usage");
      }
      properties.addAll(s.content());
      out.add(
          new FleetResource(
              "remote/" + remote + "/storage/" + s.node() + "/" + s.name(),
              ResourceType.STORAGE,
              remote,
              type,
              s.name(),
              Optional.of(s.node()),
              Optional.empty(),
              s.status(),
              false,
              List.of(),
              Optional.empty(),
              properties,
              new ResourceUsage(0, 0, 0, 0, s.used(), s.total()),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              ""));
    }
    for (DatastoreObservation d : r.datastores()) {
      long total = d.total().orElse(0L);
      long used = d.used().orElse(0L);
      List<String> properties = new ArrayList<>();
      if (total > 0 && (double) used / total >= HIGH_USAGE) {
        properties.add("high-usage");
      }
      out.add(
          new FleetResource(
              "remote/" + remote + "/datastore/" + d.store(),
              ResourceType.DATASTORE,
              remote,
              type,
              d.store(),
              Optional.empty(),
              Optional.empty(),
              d.error().isPresent() ? "unknown" : "available",
              false,
              List.of(),
              Optional.empty(),
              properties,
              new ResourceUsage(0, 0, 0, 0, used, total),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              d.error().orElse("")));
    }
  }

  /** Guests Git declares on this remote that the poll did not show. */
  private static void addDeclaredNotSeen(
      List<FleetResource> out,
      List<Guest> declared,
      String remote,
      RemoteType type,
      Map<ObjectRef, ResourceStatus> byRef,
      Set<Integer> seen) {
    for (Guest guest : declared) {
      if (seen.contains(guest.spec().vmid())) {
        continue;
      }
      Optional<ResourceStatus> status = Optional.ofNullable(byRef.get(ObjectRef.of(guest)));
      if (status
          .flatMap(ResourceStatus::location)
          .map(l -> !l.remote().equals(remote))
          .orElse(false)) {
        continue; // moved to another remote: listed there
      }
      boolean unknown = status.map(st -> st.sync() == SyncStatus.UNKNOWN).orElse(true);
      out.add(
          new FleetResource(
              "remote/" + remote + "/guest/" + guest.spec().vmid(),
              ResourceType.of(guest.spec().type()),
              remote,
              type,
              guest.spec().name(),
              status.flatMap(ResourceStatus::location).map(GuestLocation::node),
              Optional.of(guest.spec().vmid()),
              unknown ? "unknown" : "missing",
              false,
              List.of(),
              Optional.empty(),
              List.of("declared", FleetResource.NOT_OBSERVED),
              ResourceUsage.NONE,
              Optional.of(guest.metadata().name()),
              status.map(ResourceStatus::sync),
              status.map(ResourceStatus::health),
              status.map(ResourceStatus::message).orElse("")));
    }
  }
}
