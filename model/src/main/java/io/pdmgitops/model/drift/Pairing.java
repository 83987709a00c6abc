package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step one: pair declared guests with observed ones by remote + vmid (and, for a cross-remote
 * placement, by target remote + target vmid). Observed guests no document claims are unmanaged.
 */
final class Pairing {
  private Pairing() {}

  static GuestPair pair(Guest guest, Inventory inventory) {
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
    return new GuestPair(guest, remote, observed, target, atTarget);
  }

  static List<UnmanagedGuest> unmanaged(DesiredState state, Inventory inventory) {
    // vmids claimed per remote: a lookup per observed guest, no key string built for either side
    Map<String, Set<Integer>> claimed = new HashMap<>();
    for (Guest guest : state.guests()) {
      claim(claimed, guest.spec().remote(), guest.spec().vmid());
      guest
          .spec()
          .placement()
          .ifPresent(p -> claim(claimed, p.remoteOr(guest.spec().remote()), targetVmid(guest)));
    }
    List<UnmanagedGuest> out = new ArrayList<>();
    // By remote name: the inventory's map has no order, and the same inputs give the same report.
    List<RemoteObservation> remotes = new ArrayList<>(inventory.remotes().values());
    remotes.sort(Comparator.comparing(RemoteObservation::name));
    for (RemoteObservation remote : remotes) {
      if (remote instanceof RemoteObservation.Reachable reachable) {
        Set<Integer> ours = claimed.getOrDefault(remote.name(), Set.of());
        for (GuestObservation g : reachable.guests()) {
          if (!ours.contains(g.vmid())) {
            out.add(new UnmanagedGuest(remote.name(), g));
          }
        }
      }
    }
    return out;
  }

  private static void claim(Map<String, Set<Integer>> claimed, String remote, int vmid) {
    claimed.computeIfAbsent(remote, r -> new HashSet<>()).add(vmid);
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
