package io.pdmgitops.controller.loop;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guests a new snapshot adds or changes (a guest of a changed Remote document counts as
 * changed), and the remotes they live on or move to: what a focused pass must poll.
 */
record ChangedGuests(List<Guest> guests, List<Remote> remotes) {
  ChangedGuests {
    guests = List.copyOf(guests);
    remotes = List.copyOf(remotes);
  }

  static ChangedGuests between(DesiredState previous, DesiredState next) {
    Map<String, Guest> guestsBefore = new HashMap<>();
    previous.guests().forEach(g -> guestsBefore.put(g.metadata().name(), g));
    Map<String, Remote> remotesBefore = new HashMap<>();
    previous.remotes().forEach(r -> remotesBefore.put(r.metadata().name(), r));
    Set<String> changedRemotes = new LinkedHashSet<>();
    for (Remote remote : next.remotes()) {
      if (!remote.equals(remotesBefore.get(remote.metadata().name()))) {
        changedRemotes.add(remote.metadata().name());
      }
    }
    List<Guest> guests = new ArrayList<>();
    Set<String> touched = new LinkedHashSet<>();
    for (Guest guest : next.guests()) {
      String home = guest.spec().remote();
      String target = guest.spec().placement().map(p -> p.remoteOr(home)).orElse(home);
      boolean changed =
          !guest.equals(guestsBefore.get(guest.metadata().name()))
              || changedRemotes.contains(home)
              || changedRemotes.contains(target);
      if (changed) {
        guests.add(guest);
        touched.add(home);
        touched.add(target);
      }
    }
    List<Remote> remotes =
        next.remotes().stream().filter(r -> touched.contains(r.metadata().name())).toList();
    return new ChangedGuests(guests, remotes);
  }

  /** A desired state of just these guests and remotes, to detect and plan them alone. */
  DesiredState asState(DesiredState next) {
    Map<ObjectRef, SourceLocation> sources = new HashMap<>();
    for (Guest guest : guests) {
      ObjectRef ref = ObjectRef.of(guest);
      SourceLocation at = next.sources().get(ref);
      if (at != null) {
        sources.put(ref, at);
      }
    }
    return new DesiredState(
        remotes, guests, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), sources);
  }
}
