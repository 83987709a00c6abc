package io.pdmgitops.model.observed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything observed in one poll of the fleet, at one time. */
public record Inventory(Instant observedAt, Map<String, RemoteObservation> remotes) {
  public Inventory {
    Objects.requireNonNull(observedAt, "observedAt");
    remotes = Map.copyOf(remotes);
  }

  public static Inventory of(Instant at, List<RemoteObservation> remotes) {
    Map<String, RemoteObservation> byName = new LinkedHashMap<>();
    remotes.forEach(r -> byName.put(r.name(), r));
    return new Inventory(at, byName);
  }

  public Optional<RemoteObservation> remote(String name) {
    return Optional.ofNullable(remotes.get(name));
  }
}
