package io.pdmgitops.simulator.pve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker task. Its outcome is decided when it starts (as the real checks run at the start of the
 * worker); its effect on the guest happens when it ends.
 */
final class SimTask {
  final String upid;
  final String node;
  final long pid;
  final long pstart;
  final long starttime;
  final String type;
  final String id;
  final String user;
  Instant endsAt;
  String exitstatus;
  Runnable effect;
  final List<String> log = new ArrayList<>();
  Long endtime;

  SimTask(
      String upid,
      String node,
      long pid,
      long pstart,
      long starttime,
      String type,
      String id,
      String user,
      Instant endsAt,
      String exitstatus,
      Runnable effect) {
    this.upid = upid;
    this.node = node;
    this.pid = pid;
    this.pstart = pstart;
    this.starttime = starttime;
    this.type = type;
    this.id = id;
    this.user = user;
    this.endsAt = endsAt;
    this.exitstatus = exitstatus;
    this.effect = effect;
  }

  /** Decides a deferred task: it ends at the given time with this outcome and effect. */
  void decide(Instant at, String outcome, Runnable onSuccess) {
    this.endsAt = at;
    this.exitstatus = outcome;
    this.effect = onSuccess;
  }

  boolean isRunning() {
    return endtime == null;
  }

  boolean failed() {
    return !exitstatus.equals("OK") && !exitstatus.startsWith("WARNINGS: ");
  }
}
