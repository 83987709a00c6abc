package io.pdmgitops.model.backupjob;

import com.fasterxml.jackson.annotation.JsonValue;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled backup job on one PVE cluster. Fields left out are not managed: whatever the job has
 * on the remote stays (PVE's defaults for a new job).
 */
public record BackupJob(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public BackupJob {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.BACKUP_JOB;
  }

  /** The job's id on the remote: {@code spec.id}, else the document's name. */
  public String jobId() {
    return spec.id().orElse(metadata.name());
  }

  /**
   * @param remote the PVE remote whose cluster runs the job
   * @param id the job's id on the remote; empty means the document's name
   * @param schedule a systemd-like calendar event, as PVE takes it ({@code "sun 01:00"})
   * @param storage the storage the backups go to (a PBS storage for backups to PBS)
   * @param node run only on this node's guests; empty means every node
   * @param compress {@code 0}, {@code 1}, {@code gzip}, {@code lz4} or {@code zstd}
   * @param notificationMode {@code auto}, {@code legacy-sendmail} or {@code notification-system}
   * @param policy drift policy; empty means the controller's global default
   */
  public record Spec(
      String remote,
      Optional<String> id,
      Optional<Boolean> enabled,
      String schedule,
      String storage,
      Selection selection,
      Optional<String> node,
      Optional<BackupMode> mode,
      Optional<String> compress,
      Optional<Retention> retention,
      Optional<String> notesTemplate,
      Optional<String> notificationMode,
      Optional<String> comment,
      Optional<DriftPolicy> policy) {
    public Spec {
      Objects.requireNonNull(remote, "remote");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(storage, "storage");
      Objects.requireNonNull(selection, "selection");
      id = id == null ? Optional.empty() : id;
      enabled = enabled == null ? Optional.empty() : enabled;
      node = node == null ? Optional.empty() : node;
      mode = mode == null ? Optional.empty() : mode;
      compress = compress == null ? Optional.empty() : compress;
      retention = retention == null ? Optional.empty() : retention;
      notesTemplate = notesTemplate == null ? Optional.empty() : notesTemplate;
      notificationMode = notificationMode == null ? Optional.empty() : notificationMode;
      comment = comment == null ? Optional.empty() : comment;
      policy = policy == null ? Optional.empty() : policy;
    }
  }

  /**
   * Which guests the job backs up: all of them (minus {@code exclude}), a list of vmids, or a
   * pool's members; exactly one, as PVE requires.
   */
  public record Selection(
      Optional<Boolean> all, List<Integer> vmids, Optional<String> pool, List<Integer> exclude) {
    public Selection {
      all = all == null ? Optional.empty() : all;
      vmids = vmids == null ? List.of() : List.copyOf(vmids);
      pool = pool == null ? Optional.empty() : pool;
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** Whether the job covers this guest, judged as vzdump selects (pool members not known). */
    public boolean covers(int vmid) {
      if (all.orElse(false)) {
        return !exclude.contains(vmid);
      }
      return vmids.contains(vmid);
    }
  }

  /** PVE's {@code prune-backups} keep options; none set means the storage's own retention. */
  public record Retention(
      Optional<Boolean> keepAll,
      Optional<Integer> keepLast,
      Optional<Integer> keepHourly,
      Optional<Integer> keepDaily,
      Optional<Integer> keepWeekly,
      Optional<Integer> keepMonthly,
      Optional<Integer> keepYearly) {
    public Retention {
      keepAll = keepAll == null ? Optional.empty() : keepAll;
      keepLast = keepLast == null ? Optional.empty() : keepLast;
      keepHourly = keepHourly == null ? Optional.empty() : keepHourly;
      keepDaily = keepDaily == null ? Optional.empty() : keepDaily;
      keepWeekly = keepWeekly == null ? Optional.empty() : keepWeekly;
      keepMonthly = keepMonthly == null ? Optional.empty() : keepMonthly;
      keepYearly = keepYearly == null ? Optional.empty() : keepYearly;
    }
  }

  /** vzdump's modes, as PVE spells them. */
  public enum BackupMode {
    SNAPSHOT("snapshot"),
    SUSPEND("suspend"),
    STOP("stop");

    private final String wire;

    BackupMode(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }
  }
}
