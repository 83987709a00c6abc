package io.pdmgitops.controller.store;

import java.util.Optional;

/** A validation problem as stored with its commit. */
public record StoredProblem(
    String severity,
    String file,
    int line,
    int column,
    Optional<String> object,
    Optional<String> field,
    String message,
    Optional<String> hint) {}
