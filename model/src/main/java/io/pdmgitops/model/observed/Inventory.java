package io.pdmgitops.model.observed;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything observed in one poll of the fleet, at one time.
 *
 * @param parts what kinds read from each remote beyond the sweep, by remote name
 */
public record Inventory(
    Instant observedAt,
    Map<String, RemoteObservation> remotes,
    Map<String, List<ObservedPart>> parts) {
  public Inventory {
    Objects.requireNonNull(observedAt, "observedAt");
    remotes = Map.copyOf(remotes);
    Map<String, List<ObservedPart>> copy = new LinkedHashMap<>();
    parts.forEach((remote, list) -> copy.put(remote, List.copyOf(list)));
    parts = Collections.unmodifiableMap(copy);
  }

  public Inventory(Instant observedAt, Map<String, RemoteObservation> remotes) {
    this(observedAt, remotes, Map.of());
  }

  public static Inventory of(Instant at, List<RemoteObservation> remotes) {
    Map<String, RemoteObservation> byName = new LinkedHashMap<>();
    remotes.forEach(r -> byName.put(r.name(), r));
    return new Inventory(at, byName);
  }

  public Optional<RemoteObservation> remote(String name) {
    return Optional.ofNullable(remotes.get(name));
  }

  /** The part of this type read from the remote, if it was read. */
  public <T extends ObservedPart> Optional<T> part(String remote, Class<T> type) {
    return parts.getOrDefault(remote, List.of()).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  /** Why this kind's read of the remote failed, if it did. */
  public Optional<String> unread(String remote, io.pdmgitops.model.desired.Kind kind) {
    return parts.getOrDefault(remote, List.of()).stream()
        .filter(UnreadPart.class::isInstance)
        .map(UnreadPart.class::cast)
        .filter(u -> u.kind() == kind)
        .map(UnreadPart::reason)
        .findFirst();
  }

  /** This inventory with the remote's parts replaced. */
  public Inventory withParts(String remote, List<ObservedPart> remoteParts) {
    Map<String, List<ObservedPart>> next = new LinkedHashMap<>(parts);
    next.put(remote, remoteParts);
    return new Inventory(observedAt, remotes, next);
  }
}
