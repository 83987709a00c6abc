package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** One backup group of a datastore: vm/ct/host plus id. */
public record BackupGroup(
    @JsonProperty("backup-type") String backupType,
    @JsonProperty("backup-id") String backupId,
    @JsonProperty("last-backup") Optional<Long> lastBackup,
    @JsonProperty("backup-count") Optional<Integer> backupCount,
    List<String> files,
    Optional<String> owner,
    Optional<String> comment) {
  public BackupGroup {
    files = files == null ? List.of() : List.copyOf(files);
  }
}
