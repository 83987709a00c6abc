package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.GuestConfig;
import java.time.Instant;
import java.util.List;

/** A guest's live state. Mutated only under its cluster's lock. */
final class SimGuest {
  final int vmid;
  final String type;
  String name;
  String node;
  String status;

  /** running, paused (qemu suspend to RAM), stopped. */
  String qmpstatus;

  Instant runningSince;
  final int cpus;
  final long maxmem;
  final long maxdisk;
  List<String> tags;
  String pool;
  boolean template;
  boolean ha;

  /** An HA state the manager reached on its own (error, fence, recovery); null follows status. */
  String haFault;

  String lock;
  final boolean agent;

  /** lxc: a checkpoint left by vzsuspend ({@code lxc-checkpoint -s} stops the container). */
  boolean checkpointed;

  SimGuest(GuestConfig config, Instant now) {
    this.vmid = config.vmid();
    this.type = config.type();
    this.name = config.name();
    this.node = config.node();
    this.status = config.status();
    this.qmpstatus = config.status();
    this.runningSince = "running".equals(config.status()) ? now.minusSeconds(86_400) : null;
    this.cpus = config.cpus();
    this.maxmem = config.memory();
    this.maxdisk = config.disk();
    this.tags = config.tags();
    this.pool = config.pool();
    this.template = config.template();
    this.ha = config.ha();
    this.lock = config.lock();
    this.agent = config.agent();
  }

  /** The HA manager's state of this resource, as {@code hastate} and ha-manager report it. */
  String haState() {
    if (haFault != null) {
      return haFault;
    }
    return isRunning() ? "started" : "stopped";
  }

  /** {@code vm:100} or {@code ct:120}: the HA resource id. */
  String haSid() {
    return (isQemu() ? "vm:" : "ct:") + vmid;
  }

  boolean isQemu() {
    return "qemu".equals(type);
  }

  boolean isRunning() {
    return "running".equals(status);
  }

  /** "VM" or "CT", as PVE's messages name them. */
  String noun() {
    return isQemu() ? "VM" : "CT";
  }

  long uptime(Instant now) {
    return runningSince == null
        ? 0
        : Math.max(0, now.getEpochSecond() - runningSince.getEpochSecond());
  }

  /** Deterministic load so dashboards have something to rank. */
  double cpuLoad() {
    return isRunning() ? ((vmid * 37) % 100) / 400.0 : 0;
  }

  long memUsed() {
    return isRunning() ? maxmem / 10 * (2 + vmid % 7) : 0;
  }

  void start(Instant now) {
    status = "running";
    qmpstatus = "running";
    runningSince = now;
  }

  void stop() {
    status = "stopped";
    qmpstatus = "stopped";
    runningSince = null;
  }
}
