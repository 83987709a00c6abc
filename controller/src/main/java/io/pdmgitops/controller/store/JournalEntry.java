package io.pdmgitops.controller.store;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.plan.ActionKind;
import java.time.Instant;
import java.util.Optional;

/** One action of the journal, linked to the commit that asked for it. */
public record JournalEntry(
    long id,
    String resource,
    String remote,
    String node,
    GuestType type,
    int vmid,
    ActionKind action,
    String reason,
    String commitSha,
    JournalState state,
    Instant createdAt,
    Optional<String> upid,
    Optional<Instant> sentAt,
    Optional<Instant> finishedAt,
    Optional<String> exitStatus) {}
