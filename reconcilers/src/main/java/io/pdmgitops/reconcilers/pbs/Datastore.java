package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** One entry of {@code GET /admin/datastore}. */
public record Datastore(
    String store,
    Optional<String> comment,
    Optional<String> maintenance,
    @JsonProperty("mount-status") Optional<String> mountStatus,
    @JsonProperty("backend-type") Optional<String> backendType) {}
