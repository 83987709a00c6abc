package io.pdmgitops.controller.store;

import io.pdmgitops.controller.git.CommitInfo;
import java.time.Instant;

/** A stored commit: who, what, when, and whether it validated. */
public record CommitRecord(CommitInfo commit, Instant fetchedAt, boolean valid, int problems) {}
