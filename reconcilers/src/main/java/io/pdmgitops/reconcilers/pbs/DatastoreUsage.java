package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code GET /status/datastore-usage}. History points may be null where no sample
 * exists; an unavailable store has only {@code store} and {@code error}.
 */
public record DatastoreUsage(
    String store,
    Optional<Long> total,
    Optional<Long> used,
    Optional<Long> avail,
    List<Double> history,
    @JsonProperty("history-start") Optional<Long> historyStart,
    @JsonProperty("history-delta") Optional<Long> historyDelta,
    @JsonProperty("estimated-full-date") Optional<Long> estimatedFullDate,
    Optional<String> error) {
  public DatastoreUsage {
    history =
        history == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new ArrayList<>(history));
  }

  /** Used share 0..1, when the store reported its size. */
  public Optional<Double> usage() {
    return total.filter(t -> t > 0).flatMap(t -> used.map(u -> (double) u / t));
  }
}
