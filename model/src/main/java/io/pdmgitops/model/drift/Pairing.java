package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step one: pair declared guests with observed ones by remote + vmid (and, for a cross-remote
 * placement, by target remote + target vmid). Observed guests no document claims are unmanaged.
 */
final class Pairing {
  private Pairing() {}

  static List<GuestPair> pair(DesiredState state, Inventory inventory) {
    List<GuestPair> pairs = new ArrayList<>();
    for (Guest guest : state.guests()) {
      Optional<RemoteObservation> remote = inventory.remote(guest.spec().remote());
      Optional<GuestObservation> observed = find(remote, guest.spec().vmid());
      Optional<RemoteObservation> target = Optional.empty();
      Optional<GuestObservation> atTarget = Optional.empty();
      if (guest.spec().placement().isPresent()) {
        String targetRemote = guest.spec().placement().get().remoteOr(guest.spec().remote());
        if (!targetRemote.equals(guest.spec().remote())) {
          target = inventory.remote(targetRemote);
          atTarget = find(target, targetVmid(guest));
        }
      }
      pairs.add(new GuestPair(guest, remote, observed, target, atTarget));
    }
    return pairs;
  }

  static List<UnmanagedGuest> unmanaged(DesiredState state, Inventory inventory) {
    Set<String> claimed = new HashSet<>();
    for (Guest guest : state.guests()) {
      claimed.add(guest.spec().remote() + "/" + guest.spec().vmid());
      guest
          .spec()
          .placement()
          .ifPresent(p -> claimed.add(p.remoteOr(guest.spec().remote()) + "/" + targetVmid(guest)));
    }
    List<UnmanagedGuest> out = new ArrayList<>();
    for (RemoteObservation remote : inventory.remotes().values()) {
      if (remote instanceof RemoteObservation.Reachable reachable) {
        for (GuestObservation g : reachable.guests()) {
          if (!claimed.contains(remote.name() + "/" + g.vmid())) {
            out.add(new UnmanagedGuest(remote.name(), g));
          }
        }
      }
    }
    return out;
  }

  static int targetVmid(Guest guest) {
    return guest.spec().placement().flatMap(p -> p.targetVmid()).orElse(guest.spec().vmid());
  }

  private static Optional<GuestObservation> find(Optional<RemoteObservation> remote, int vmid) {
    return remote
        .filter(RemoteObservation.Reachable.class::isInstance)
        .map(RemoteObservation.Reachable.class::cast)
        .flatMap(r -> r.guest(vmid));
  }
}
