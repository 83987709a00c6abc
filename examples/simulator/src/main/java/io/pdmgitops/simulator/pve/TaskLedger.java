package io.pdmgitops.simulator.pve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tasks of one cluster, newest first, bounded. Tasks end lazily: every request first settles
 * the tasks whose time is up, so the simulator needs no timer threads and follows its clock.
 */
final class TaskLedger {
  /** Finished tasks kept for the task list and status calls. */
  static final int CAPACITY = 5_000;

  private final Deque<SimTask> tasks = new ArrayDeque<>();
  private long nextPid = 0x1000;

  SimTask start(
      String node,
      String type,
      String id,
      String user,
      Instant now,
      Duration duration,
      String exitstatus,
      Runnable effect) {
    long pid = nextPid++;
    long pstart = 0x100000 + pid * 7;
    long starttime = now.getEpochSecond();
    String upid =
        String.format(
            "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime, type, id, user);
    SimTask task =
        new SimTask(
            upid,
            node,
            pid,
            pstart,
            starttime,
            type,
            id,
            user,
            now.plus(duration),
            exitstatus,
            effect);
    tasks.addFirst(task);
    while (tasks.size() > CAPACITY) {
      tasks.removeLast();
    }
    return task;
  }

  /** A task whose outcome a background worker decides later ({@link SimTask#decide}). */
  SimTask startDeferred(String node, String type, String id, String user, Instant now) {
    SimTask task = start(node, type, id, user, now, Duration.ZERO, "OK", () -> {});
    task.endsAt = Instant.MAX;
    return task;
  }

  /** Ends every task whose time is up, applying the effects of the successful ones. */
  void settle(Instant now) {
    List<SimTask> due = new ArrayList<>();
    for (SimTask task : tasks) {
      if (task.isRunning() && !task.endsAt.isAfter(now)) {
        due.add(task);
      }
    }
    // Oldest first, so two tasks on one guest take effect in the order they were started.
    for (int i = due.size() - 1; i >= 0; i--) {
      SimTask task = due.get(i);
      task.endtime = task.endsAt.getEpochSecond();
      if (!task.failed()) {
        task.effect.run();
      }
      task.log.add(task.failed() ? "TASK ERROR: " + task.exitstatus : "TASK " + task.exitstatus);
    }
  }

  Optional<SimTask> find(String upid) {
    return tasks.stream().filter(t -> t.upid.equals(upid)).findFirst();
  }

  List<SimTask> onNode(String node) {
    return tasks.stream().filter(t -> t.node.equals(node)).toList();
  }

  List<SimTask> all() {
    return List.copyOf(tasks);
  }
}
