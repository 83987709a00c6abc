package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.observed.GuestObservation;
import java.util.List;
import java.util.Map;

/**
 * Which of a cluster's backup jobs back up a guest, as vzdump selects guests: a job limited to a
 * node covers only guests on it; {@code all} covers every guest but those excluded; {@code vmid}
 * the listed ones; {@code pool} the pool's members.
 */
public final class BackupCoverage {
  private BackupCoverage() {}

  /** The jobs that select the guest, enabled or not, in the order the cluster lists them. */
  public static List<ObservedBackupJobs.Job> of(ObservedBackupJobs jobs, GuestObservation guest) {
    return jobs.jobs().stream().filter(j -> selects(j, guest)).toList();
  }

  /** Whether one of these jobs is enabled: the guest is backed up on schedule. */
  public static boolean covered(List<ObservedBackupJobs.Job> selecting) {
    return selecting.stream().anyMatch(BackupCoverage::enabled);
  }

  public static boolean enabled(ObservedBackupJobs.Job job) {
    return !"0".equals(job.parameters().getOrDefault("enabled", "1"));
  }

  static boolean selects(ObservedBackupJobs.Job job, GuestObservation guest) {
    Map<String, String> p = job.parameters();
    String node = p.get("node");
    if (node != null && !node.isEmpty() && !node.equals(guest.node())) {
      return false;
    }
    if ("1".equals(p.get("all"))) {
      return !BackupJobWire.parseVmids(p.getOrDefault("exclude", "")).contains(guest.vmid());
    }
    if (p.containsKey("pool")) {
      return guest.pool().map(p.get("pool")::equals).orElse(false);
    }
    return BackupJobWire.parseVmids(p.getOrDefault("vmid", "")).contains(guest.vmid());
  }
}
