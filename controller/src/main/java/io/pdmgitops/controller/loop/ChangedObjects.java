package io.pdmgitops.controller.loop;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.engine.Rulebook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
    for (DesiredObject o : reconciled(next, rules, o -> true)) {
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
    return new ChangedObjects(
        reconciled(state, rules, o -> rules.homeOf(o).map(remote::equals).orElse(false)),
        state.remotes());
  }

  /**
   * Objects of the kinds that have actions: every registered kind but remotes themselves. Read from
   * each kind's own list: one remote's answer must not copy the whole snapshot.
   */
  private static List<DesiredObject> reconciled(
      DesiredState state, Rulebook rules, Predicate<DesiredObject> wanted) {
    List<DesiredObject> out = new ArrayList<>();
    for (Kind kind : rules.kinds()) {
      if (kind != Kind.REMOTE) {
        for (DesiredObject o : state.ofKind(kind)) {
          if (o.kind() == kind && wanted.test(o)) {
            out.add(o);
          }
        }
      }
    }
    return out;
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
