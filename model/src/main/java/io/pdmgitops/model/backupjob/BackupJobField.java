package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.drift.DriftField;
import java.util.List;

/** The fields of a BackupJob that drift is measured on, each with the PVE parameters it sets. */
public enum BackupJobField implements DriftField {
  /** The job is missing on the remote. */
  PRESENT("present", List.of()),
  ENABLED("enabled", List.of("enabled")),
  SCHEDULE("schedule", List.of("schedule")),
  STORAGE("storage", List.of("storage")),
  /** all, vmid or pool: exactly one of them is set on a job. */
  SELECTION("selection", List.of("all", "vmid", "pool")),
  EXCLUDE("selection.exclude", List.of("exclude")),
  NODE("node", List.of("node")),
  MODE("mode", List.of("mode")),
  COMPRESS("compress", List.of("compress")),
  RETENTION("retention", List.of("prune-backups")),
  NOTES_TEMPLATE("notesTemplate", List.of("notes-template")),
  NOTIFICATION_MODE("notificationMode", List.of("notification-mode")),
  COMMENT("comment", List.of("comment"));

  private final String path;
  private final List<String> parameters;

  BackupJobField(String path, List<String> parameters) {
    this.path = path;
    this.parameters = parameters;
  }

  @Override
  public String path() {
    return path;
  }

  /** PVE's parameter names this field is written with. */
  public List<String> parameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return path;
  }
}
