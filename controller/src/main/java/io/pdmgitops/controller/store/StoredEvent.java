package io.pdmgitops.controller.store;

import java.time.Instant;
import java.util.Optional;

/** One line of the controller's history, newest first in queries. */
public record StoredEvent(
    long id,
    Instant at,
    EventType type,
    Optional<String> resource,
    Optional<String> commitSha,
    String message) {}
