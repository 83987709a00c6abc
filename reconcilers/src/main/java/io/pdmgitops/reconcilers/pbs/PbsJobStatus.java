package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One job of {@code GET /admin/gc}, {@code /admin/verify} or {@code /admin/prune}: its store and
 * PBS's JobScheduleStatus. A job that never ran has no {@code last-*} fields; a running one only
 * its UPID.
 *
 * @param id verify and prune jobs only (garbage collection is per store)
 * @param lastRunState {@code OK}, {@code WARNINGS: n}, {@code unknown}, or the error message itself
 */
public record PbsJobStatus(
    Optional<String> id,
    String store,
    Optional<String> schedule,
    @JsonProperty("next-run") Optional<Long> nextRun,
    @JsonProperty("last-run-state") Optional<String> lastRunState,
    @JsonProperty("last-run-endtime") Optional<Long> lastRunEndtime,
    @JsonProperty("last-run-upid") Optional<String> lastRunUpid) {}
