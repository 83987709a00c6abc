package io.pdmgitops.model.plan;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The objects one snapshot adds, removes or alters compared with another, by kind and name; equal
 * objects are left out. Sorted by {@code Kind/name}, so a report lists them in the same order every
 * time.
 */
public final class ObjectDiff {
  private ObjectDiff() {}

  /**
   * One object that differs between two snapshots.
   *
   * @param before the object in the first snapshot; empty when it is added
   * @param after the object in the second snapshot; empty when it is removed
   */
  public record Delta(
      ObjectRef ref, Optional<DesiredObject> before, Optional<DesiredObject> after) {
    public boolean added() {
      return before.isEmpty();
    }

    public boolean removed() {
      return after.isEmpty();
    }
  }

  public static List<Delta> between(DesiredState before, DesiredState after) {
    Map<ObjectRef, DesiredObject> was = index(before);
    Map<ObjectRef, DesiredObject> is = index(after);
    TreeSet<ObjectRef> all = new TreeSet<>(Comparator.comparing(ObjectRef::toString));
    all.addAll(was.keySet());
    all.addAll(is.keySet());
    List<Delta> deltas = new ArrayList<>();
    for (ObjectRef ref : all) {
      Optional<DesiredObject> old = Optional.ofNullable(was.get(ref));
      Optional<DesiredObject> now = Optional.ofNullable(is.get(ref));
      if (!old.equals(now)) {
        deltas.add(new Delta(ref, old, now));
      }
    }
    return List.copyOf(deltas);
  }

  private static Map<ObjectRef, DesiredObject> index(DesiredState state) {
    Map<ObjectRef, DesiredObject> index = new LinkedHashMap<>();
    for (DesiredObject object : state.objects()) {
      index.putIfAbsent(ObjectRef.of(object), object);
    }
    return index;
  }
}
