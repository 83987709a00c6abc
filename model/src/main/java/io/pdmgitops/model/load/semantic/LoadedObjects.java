package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.LoadedObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every object that passed its schema, indexed by kind and identity. The first declaration of an
 * identity wins the index; later ones are reported by {@link UniquenessCheck}.
 */
public final class LoadedObjects {
  private final List<LoadedObject> all;
  private final Map<Kind, Map<String, LoadedObject>> byIdentity = new LinkedHashMap<>();
  private final Set<ObjectRef> invalid;

  /**
   * @param invalid objects declared in documents that failed their schema: references to them are
   *     not reported again, so one typo does not cascade into dozens of "not found" problems
   */
  public LoadedObjects(List<LoadedObject> objects, Set<ObjectRef> invalid) {
    this.all = List.copyOf(objects);
    this.invalid = Set.copyOf(invalid);
    for (Kind kind : Kind.values()) {
      byIdentity.put(kind, new LinkedHashMap<>());
    }
    for (LoadedObject o : all) {
      byIdentity.get(o.object().kind()).putIfAbsent(o.object().identity(), o);
    }
  }

  public List<LoadedObject> all() {
    return all;
  }

  public List<LoadedObject> ofKind(Kind kind) {
    List<LoadedObject> out = new ArrayList<>();
    for (LoadedObject o : all) {
      if (o.object().kind() == kind) {
        out.add(o);
      }
    }
    return out;
  }

  /** Objects of a kind, typed, each with its source. */
  public <T extends DesiredObject> List<Typed<T>> ofType(Kind kind, Class<T> type) {
    return ofKind(kind).stream().map(o -> new Typed<>(type.cast(o.object()), o)).toList();
  }

  public Optional<LoadedObject> find(Kind kind, String identity) {
    return Optional.ofNullable(byIdentity.get(kind).get(identity));
  }

  /** Whether the identity is declared, validly or not. */
  public boolean declares(Kind kind, String identity) {
    return byIdentity.get(kind).containsKey(identity)
        || invalid.contains(new ObjectRef(kind, identity));
  }

  public Collection<String> identities(Kind kind) {
    return byIdentity.get(kind).keySet();
  }

  /** An object with its static type and the document it came from. */
  public record Typed<T extends DesiredObject>(T value, LoadedObject source) {}
}
