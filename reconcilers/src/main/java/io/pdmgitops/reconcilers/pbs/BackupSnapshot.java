package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** One snapshot of a backup group. */
public record BackupSnapshot(
    @JsonProperty("backup-type") String backupType,
    @JsonProperty("backup-id") String backupId,
    @JsonProperty("backup-time") long backupTime,
    Optional<String> comment,
    Optional<Verification> verification,
    List<File> files,
    Optional<Long> size,
    Optional<String> owner,
    @JsonProperty("protected") Optional<Boolean> isProtected) {
  public BackupSnapshot {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** Result of the last verification job. */
  public record Verification(String state, Optional<String> upid) {}

  /** One archive of the snapshot. */
  public record File(
      String filename,
      @JsonProperty("crypt-mode") Optional<String> cryptMode,
      Optional<Long> size) {}
}
