package io.pdmgitops.model.observed;

import java.util.Optional;

/** One PBS datastore's size and use; both absent when the store reported an error. */
public record DatastoreObservation(
    String store, Optional<Long> total, Optional<Long> used, Optional<String> error) {}
