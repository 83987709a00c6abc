package io.pdmgitops.controller.loop;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.engine.Rulebook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciled objects of any kind a new snapshot adds or changes (an object on a changed Remote
 * document counts as changed), and the remotes they live on: what a focused pass must poll.
 */
record ChangedObjects(List<DesiredObject> objects, List<Remote> remotes) {
  ChangedObjects {
    objects = List.copyOf(objects);
    remotes = List.copyOf(remotes);
  }

  static ChangedObjects between(DesiredState previous, DesiredState next, Rulebook rules) {
    Set<String> changedRemotes = new LinkedHashSet<>();
    for (Remote remote : next.remotes()) {
      if (!remote.equals(previous.remote(remote.metadata().name()).orElse(null))) {
        changedRemotes.add(remote.metadata().name());
      }
    }
    List<DesiredObject> objects = new ArrayList<>();
    Set<String> touched = new LinkedHashSet<>();
    // A commit changes a few objects of 100,000: look each up where it was (remotes and guests in
    // logarithmic time), and ask for an object's remotes only when it changed or a remote did.
    for (DesiredObject o : reconciled(next, rules)) {
      boolean same = o.equals(previous.object(ObjectRef.of(o)).orElse(null));
      if (same && changedRemotes.isEmpty()) {
        continue;
      }
      Set<String> on = rules.remotesOf(o);
      if (!same || on.stream().anyMatch(changedRemotes::contains)) {
        objects.add(o);
        touched.addAll(on);
      }
    }
    List<Remote> remotes =
        next.remotes().stream().filter(r -> touched.contains(r.metadata().name())).toList();
    return new ChangedObjects(objects, remotes);
  }

  /**
   * The reconciled objects whose first remote (a guest's home) is this one, with every remote
   * document: what one remote's answer is planned for as it arrives.
   */
  static ChangedObjects homedOn(DesiredState state, String remote, Rulebook rules) {
    List<DesiredObject> objects =
        reconciled(state, rules).stream()
            .filter(o -> rules.homeOf(o).map(remote::equals).orElse(false))
            .toList();
    return new ChangedObjects(objects, state.remotes());
  }

  /** Objects of the kinds that have actions: every registered kind but remotes themselves. */
  private static List<DesiredObject> reconciled(DesiredState state, Rulebook rules) {
    return state.objects().stream()
        .filter(o -> !(o instanceof Remote) && rules.kinds().contains(o.kind()))
        .toList();
  }

  /** A desired state of just these objects and remotes, to detect and plan them alone. */
  DesiredState asState(DesiredState next) {
    Map<ObjectRef, SourceLocation> sources = new HashMap<>();
    for (DesiredObject o : objects) {
      ObjectRef ref = ObjectRef.of(o);
      SourceLocation at = next.sources().get(ref);
      if (at != null) {
        sources.put(ref, at);
      }
    }
    List<DesiredObject> all = new ArrayList<>(remotes);
    all.addAll(objects);
    return DesiredState.of(all, sources);
  }
}
