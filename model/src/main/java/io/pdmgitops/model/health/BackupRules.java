package io.pdmgitops.model.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings about backups. Per backup server: a datastore that is unavailable, nearly full or
 * estimated to be full soon, a garbage collection, verify or prune job whose last run failed, and a
 * newest snapshot that failed verification. Across the fleet: a guest Git declares without a backup
 * newer than its limit on any declared backup server.
 */
public final class BackupRules {
  /** Used share from which a datastore is nearly full. */
  public static final double NEARLY_FULL = 0.9;

  /** An estimated full date closer than this is a warning; {@link #FULL_CRITICAL} critical. */
  public static final Duration FULL_WARNING = Duration.ofDays(30);

  public static final Duration FULL_CRITICAL = Duration.ofDays(7);

  private BackupRules() {}

  public static List<Finding> server(String server, BackupServerHealth health, Instant now) {
    List<Finding> out = new ArrayList<>();
    for (BackupServerHealth.DatastoreHealth d : health.datastores()) {
      datastore(server, d, now, out);
    }
    for (BackupServerHealth.JobRun job : health.jobs()) {
      if (job.failed()) {
        out.add(
            new Finding(
                "backup-job-failed",
                Severity.WARNING,
                server,
                Optional.empty(),
                "the last "
                    + job.kind()
                    + " of datastore "
                    + job.store()
                    + " failed: "
                    + job.lastState().get(),
                "read the task log of its last run on " + server + " and fix the cause"));
      }
    }
    for (BackupServerHealth.GroupBackup g : health.groups()) {
      if (g.verify().filter("failed"::equals).isPresent()) {
        out.add(
            new Finding(
                "backup-verify-failed",
                Severity.CRITICAL,
                server,
                Optional.empty(),
                "the newest backup of " + g.shown() + " failed verification: it may not restore",
                "take a new backup now and read the verify task's log; check the datastore's"
                    + " disks"));
      }
    }
    return out;
  }

  private static void datastore(
      String server, BackupServerHealth.DatastoreHealth d, Instant now, List<Finding> out) {
    if (d.error().isPresent()) {
      out.add(
          new Finding(
              "datastore-unavailable",
              Severity.CRITICAL,
              server,
              Optional.empty(),
              "datastore " + d.store() + " is unavailable: " + d.error().get(),
              "end its maintenance mode or repair its storage; backups to it fail meanwhile"));
      return;
    }
    Optional<Double> usage = d.usage();
    if (usage.filter(u -> u >= NEARLY_FULL).isPresent()) {
      out.add(
          new Finding(
              "datastore-nearly-full",
              Severity.WARNING,
              server,
              Optional.empty(),
              String.format("datastore %s is %.0f%% full", d.store(), usage.get() * 100),
              "prune older snapshots, run garbage collection, or grow the storage"));
    }
    d.fullAt()
        .filter(at -> Duration.between(now, at).compareTo(FULL_WARNING) <= 0)
        .ifPresent(
            at ->
                out.add(
                    new Finding(
                        "datastore-full-soon",
                        Duration.between(now, at).compareTo(FULL_CRITICAL) <= 0
                            ? Severity.CRITICAL
                            : Severity.WARNING,
                        server,
                        Optional.empty(),
                        "datastore "
                            + d.store()
                            + " will be full around "
                            + at.toString().substring(0, 10)
                            + " at its growth of the last month",
                        "tighten its prune settings or grow the storage before then")));
  }

  /**
   * @param servers each backup server's last answer, by remote name
   */
  public static List<Finding> missing(
      List<DeclaredBackup> guests, Map<String, BackupServerHealth> servers, Instant now) {
    List<Finding> out = new ArrayList<>();
    for (DeclaredBackup guest : guests) {
      if (guest.limit().isEmpty()) {
        continue;
      }
      Duration max = guest.limit().get();
      Optional<Located> newest = newest(guest, servers);
      boolean recent =
          newest
              .filter(n -> Duration.between(n.backup().newest(), now).compareTo(max) <= 0)
              .isPresent();
      if (recent) {
        continue;
      }
      String limit = BackupAge.format(max) + " (" + guest.limitFrom() + ")";
      out.add(
          new Finding(
              "backup-missing",
              Severity.CRITICAL,
              guest.remote(),
              Optional.empty(),
              newest
                  .map(
                      n ->
                          guest.name()
                              + " ("
                              + guest.vmid()
                              + ") has no backup newer than "
                              + limit
                              + "; the newest is from "
                              + n.backup().newest()
                              + " on "
                              + n.server()
                              + "/"
                              + n.backup().shown())
                  .orElse(
                      guest.name()
                          + " ("
                          + guest.vmid()
                          + ") has no backup on any declared backup server; limit "
                          + limit),
              "check that a backup job covers it and ran (Tasks), or back it up now",
              Optional.of(guest.vmid())));
    }
    return out;
  }

  /** Where a guest's newest backup was found. */
  public record Located(String server, BackupServerHealth.GroupBackup backup) {}

  /**
   * The guest's newest backup across the servers: groups of its type and VMID; a namespace named
   * after its remote is preferred, since PBS namespaces are how several clusters share a store.
   */
  public static Optional<Located> newest(
      DeclaredBackup guest, Map<String, BackupServerHealth> servers) {
    List<Located> found = new ArrayList<>();
    servers.forEach(
        (server, health) ->
            health.groups().stream()
                .filter(
                    g ->
                        g.type().equals(guest.backupType())
                            && g.id().equals(String.valueOf(guest.vmid())))
                .forEach(g -> found.add(new Located(server, g))));
    List<Located> own =
        found.stream().filter(l -> l.backup().namespace().equals(guest.remote())).toList();
    return (own.isEmpty() ? found : own)
        .stream().max(Comparator.comparing(l -> l.backup().newest()));
  }
}
