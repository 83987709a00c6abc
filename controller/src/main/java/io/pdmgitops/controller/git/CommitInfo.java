package io.pdmgitops.controller.git;

import java.time.Instant;

/** A commit as the history page shows it. */
public record CommitInfo(String sha, String author, String message, Instant time) {
  public String shortSha() {
    return sha.substring(0, Math.min(12, sha.length()));
  }
}
