package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One entry of {@code GET /cluster/ha/status/current}: {@code type} quorum, master, lrm or service.
 *
 * @param status the manager's text, e.g. {@code "pve1 (active, Tue Dec 3 10:00:00 2026)"}
 * @param sid services only: {@code vm:100}
 * @param state services only: the resource's HA state (started, stopped, error, fence, ...)
 */
public record HaStatusEntry(
    String id,
    String type,
    Optional<String> node,
    Optional<String> status,
    Optional<Boolean> quorate,
    Optional<String> sid,
    Optional<String> state,
    @JsonProperty("request_state") Optional<String> requestState,
    Optional<Long> timestamp) {}
