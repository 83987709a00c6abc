package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.StorageConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What pvescheduler does with a cluster's backup jobs: at each minute a job's schedule fires, each
 * node with selected guests runs one {@code vzdump} task (as root@pam), and when it ends well each
 * guest's backup lands in the backup server behind the job's {@code pbs} storage. Offline nodes and
 * disabled jobs run nothing. Called under the cluster's lock.
 */
final class ScheduledBackups {
  /** How far back a late call still fires schedules: a simulator paused longer skips the rest. */
  static final Duration CATCH_UP = Duration.ofDays(1);

  private final PveCluster cluster;
  private Instant checkedUpTo;

  ScheduledBackups(PveCluster cluster, Instant start) {
    this.cluster = cluster;
    this.checkedUpTo = start.truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * Starts each job whose schedule fired after the last call, up to now, once: a clock that jumped
   * past several of a job's times runs it once, as pvescheduler runs a missed job once at most.
   */
  void run(Instant now, Map<String, Map<String, String>> jobs, BackupSink sink) {
    Instant until = now.truncatedTo(ChronoUnit.MINUTES);
    Instant from =
        checkedUpTo.isBefore(until.minus(CATCH_UP)) ? until.minus(CATCH_UP) : checkedUpTo;
    checkedUpTo = until;
    for (Map.Entry<String, Map<String, String>> job : jobs.entrySet()) {
      Map<String, String> p = job.getValue();
      Optional<CalendarSchedule> schedule = CalendarSchedule.parse(p.getOrDefault("schedule", ""));
      if ("0".equals(p.get("enabled")) || schedule.isEmpty()) {
        continue;
      }
      for (Instant minute = from.plus(1, ChronoUnit.MINUTES);
          !minute.isAfter(until);
          minute = minute.plus(1, ChronoUnit.MINUTES)) {
        if (schedule.get().firesAt(minute.atZone(ZoneOffset.UTC))) {
          start(job.getKey(), p, now, sink);
          break;
        }
      }
    }
  }

  private void start(String id, Map<String, String> job, Instant now, BackupSink sink) {
    Map<String, List<SimGuest>> byNode = new LinkedHashMap<>();
    for (SimGuest g : selected(job)) {
      byNode.computeIfAbsent(g.node, n -> new ArrayList<>()).add(g);
    }
    Optional<StorageConfig> storage =
        cluster.storages().stream()
            .filter(s -> s.name().equals(job.getOrDefault("storage", "")))
            .findFirst();
    byNode.forEach(
        (node, guests) -> {
          SimNode n = cluster.nodes.get(node);
          if (n == null || !n.online) {
            return; // pvescheduler runs on each node for its own guests
          }
          String vmids =
              guests.stream().map(g -> String.valueOf(g.vmid)).collect(Collectors.joining(" "));
          long time = now.getEpochSecond();
          SimTask task =
              cluster.tasks.start(
                  node,
                  "vzdump",
                  "",
                  "root@pam",
                  now,
                  cluster.taskDuration(),
                  "OK",
                  () ->
                      storage
                          .filter(s -> s.type().equals("pbs"))
                          .filter(s -> s.server().isPresent() && s.datastore().isPresent())
                          .ifPresent(
                              s ->
                                  guests.forEach(
                                      g ->
                                          sink.stored(
                                              s.server().get(),
                                              s.datastore().get(),
                                              g.type.equals("lxc") ? "ct" : "vm",
                                              String.valueOf(g.vmid),
                                              time,
                                              "root@pam"))));
          task.log.add(
              "INFO: starting new backup job: vzdump "
                  + vmids
                  + " --storage "
                  + job.getOrDefault("storage", "local")
                  + " (job "
                  + id
                  + ")");
          guests.forEach(g -> task.log.add("INFO: Finished Backup of VM " + g.vmid));
          task.log.add("INFO: Backup job finished successfully");
          task.log.add("TASK OK");
        });
  }

  /** The guests a job selects, as vzdump reads all/vmid/pool, exclude and node. */
  private List<SimGuest> selected(Map<String, String> job) {
    Set<String> vmids = split(job.get("vmid"));
    Set<String> exclude = split(job.get("exclude"));
    String pool = job.get("pool");
    String node = job.get("node");
    List<SimGuest> out = new ArrayList<>();
    for (SimGuest g : cluster.guests.values()) {
      String vmid = String.valueOf(g.vmid);
      boolean chosen =
          "1".equals(job.get("all"))
              ? !exclude.contains(vmid)
              : pool != null ? pool.equals(g.pool) : vmids.contains(vmid);
      if (chosen && (node == null || node.equals(g.node))) {
        out.add(g);
      }
    }
    return out;
  }

  private static Set<String> split(String list) {
    return list == null
        ? Set.of()
        : Arrays.stream(list.split("[,;\\s]+"))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
  }
}
