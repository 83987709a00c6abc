package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever must exist once: names per kind, a guest's remote + vmid, the default realm. Two
 * declarations of one thing would let two commits' intents fight over it.
 */
final class UniquenessCheck implements SemanticCheck {

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    duplicateNames(objects, problems);
    duplicateGuests(objects, problems);
    defaultRealms(objects, problems);
    return problems;
  }

  private static void duplicateNames(LoadedObjects objects, List<Problem> problems) {
    for (LoadedObject o : objects.all()) {
      LoadedObject first = objects.find(o.object().kind(), o.object().identity()).orElseThrow();
      if (first != o) {
        problems.add(
            o.error(
                    "/metadata/name",
                    "duplicate " + o.ref() + ", first declared at " + first.location())
                .withHint(
                    "names are unique per kind: rename this one or remove one of the two documents"));
      }
    }
  }

  private static void duplicateGuests(LoadedObjects objects, List<Problem> problems) {
    Map<String, LoadedObject> claimed = new HashMap<>();
    for (var guest : objects.ofType(Kind.GUEST, Guest.class)) {
      Guest.Spec spec = guest.value().spec();
      String key = spec.remote() + "/" + spec.vmid();
      LoadedObject first = claimed.putIfAbsent(key, guest.source());
      if (first != null) {
        problems.add(
            guest
                .source()
                .error(
                    "/spec/vmid",
                    "vmid "
                        + spec.vmid()
                        + " on remote '"
                        + spec.remote()
                        + "' is already declared by "
                        + first.ref()
                        + " at "
                        + first.location())
                .withHint("declare each guest once: remove one document or correct the vmid"));
      }
    }
  }

  private static void defaultRealms(LoadedObjects objects, List<Problem> problems) {
    LoadedObject first = null;
    for (var realm : objects.ofType(Kind.REALM, Realm.class)) {
      if (!realm.value().spec().isDefault().orElse(false)) {
        continue;
      }
      if (first == null) {
        first = realm.source();
      } else {
        problems.add(
            realm
                .source()
                .error(
                    "/spec/default",
                    "only one realm can be the default; " + first.ref() + " is too")
                .withHint("set 'default: true' on one realm only"));
      }
    }
  }
}
