package io.pdmgitops.model.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one PBS remote says about its backups: each datastore's use and estimated full date, how its
 * garbage collection, verify and prune jobs last ended, and the newest snapshot of each backup
 * group with its verification.
 */
public record BackupServerHealth(
    List<DatastoreHealth> datastores, List<JobRun> jobs, List<GroupBackup> groups) {
  public BackupServerHealth {
    datastores = List.copyOf(datastores);
    jobs = List.copyOf(jobs);
    groups = List.copyOf(groups);
  }

  /**
   * One datastore's use.
   *
   * @param fullAt PBS's estimate of when it is full, from a month of use; empty when it is not
   *     growing or PBS has too little history
   * @param error why the store is unavailable (maintenance mode, a lookup that failed)
   */
  public record DatastoreHealth(
      String store,
      Optional<Long> total,
      Optional<Long> used,
      Optional<Instant> fullAt,
      Optional<String> error) {
    public DatastoreHealth {
      Objects.requireNonNull(store, "store");
      total = total == null ? Optional.empty() : total;
      used = used == null ? Optional.empty() : used;
      fullAt = fullAt == null ? Optional.empty() : fullAt;
      error = error == null ? Optional.empty() : error;
    }

    public Optional<Double> usage() {
      return total.filter(t -> t > 0).flatMap(t -> used.map(u -> (double) u / t));
    }
  }

  /**
   * How a job last ended.
   *
   * @param kind {@code garbage collection}, {@code verify} or {@code prune}
   * @param lastState PBS's {@code last-run-state}: {@code OK}, {@code WARNINGS: n}, or the error
   *     itself; empty when it never ran or is running
   */
  public record JobRun(
      String kind, String id, String store, Optional<String> lastState, Optional<Instant> lastEnd) {
    public JobRun {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(store, "store");
      lastState = lastState == null ? Optional.empty() : lastState;
      lastEnd = lastEnd == null ? Optional.empty() : lastEnd;
    }

    public boolean failed() {
      return lastState
          .filter(s -> !s.equals("OK") && !s.startsWith("WARNINGS") && !s.equals("unknown"))
          .isPresent();
    }
  }

  /**
   * The newest snapshot of one backup group.
   *
   * @param namespace {@code ""} for the root
   * @param type {@code vm}, {@code ct} or {@code host}
   * @param verify {@code ok} or {@code failed}; empty when never verified
   */
  public record GroupBackup(
      String store,
      String namespace,
      String type,
      String id,
      Instant newest,
      int count,
      Optional<String> verify) {
    public GroupBackup {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(newest, "newest");
      verify = verify == null ? Optional.empty() : verify;
    }

    /** {@code store1/vm/100}, or {@code store1:ns/vm/100} in a namespace. */
    public String shown() {
      return store + (namespace.isEmpty() ? "" : ":" + namespace) + "/" + type + "/" + id;
    }
  }
}
