package io.pdmgitops.simulator.pve;

import static io.pdmgitops.simulator.http.Json.flag;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guest as PVE's {@code vmstatus} describes it: qemu-server {@code QemuServer::vmstatus} (the
 * list, and with {@code $full} status/current) and pve-container {@code LXC::vmstatus}. Fields that
 * only exist for a running guest (pid, nics, balloon, blockstat, running-*, proxmox-support) or
 * only when configured (lock, tags, template, agent) are left out otherwise; PVE 9 adds {@code
 * memhost} and the pressure stall averages.
 */
final class GuestStatusView {
  private GuestStatusView() {}

  /** {@code GET /nodes/{node}/{qemu|lxc}}: vmstatus without QMP queries. */
  static void listEntry(ObjectNode o, SimGuest g, Instant now, int major) {
    boolean running = g.isRunning();
    if (!g.isQemu()) {
      o.put("type", "lxc");
    }
    o.put("vmid", g.vmid).put("status", g.status).put("name", g.name);
    if (running) {
      o.put("pid", pid(g));
    }
    o.put("cpus", g.cpus)
        .put("maxmem", g.maxmem)
        .put("mem", g.memUsed())
        .put("maxdisk", g.maxdisk)
        // qemu has no usage info; a container's root is measured only while it runs.
        .put("disk", g.isQemu() || !running ? 0 : g.maxdisk / 3)
        .put("cpu", g.cpuLoad())
        .put("uptime", g.uptime(now))
        .put("netin", g.uptime(now) * 1_200)
        .put("netout", g.uptime(now) * 800)
        .put("diskread", g.uptime(now) * 4_000)
        .put("diskwrite", g.uptime(now) * 2_500);
    if (!g.isQemu()) {
      o.put("maxswap", 512L << 20).put("swap", 0);
    }
    if (g.isQemu() && major >= 9) {
      o.put("memhost", running ? g.memUsed() + (96L << 20) : 0);
      if (running) {
        for (String p :
            new String[] {"cpusome", "cpufull", "iosome", "iofull", "memorysome", "memoryfull"}) {
          o.put("pressure" + p, 0.0);
        }
      }
    }
    if (g.template) {
      o.put("template", 1);
    }
    if (g.lock != null) {
      o.put("lock", g.lock);
    }
    if (!g.tags.isEmpty()) {
      o.put("tags", String.join(";", g.tags));
    }
  }

  /**
   * {@code GET /nodes/{node}/qemu?full=1}: vmstatus with {@code $full} for every VM of the node,
   * the QMP answers included; qemu-server sets {@code qmpstatus} for every VM (a stopped one
   * repeats its status), as in qemu-server 8.x and 9.x {@code QemuServer::vmstatus}.
   */
  static void fullListEntry(ObjectNode o, SimGuest g, Instant now, int major) {
    listEntry(o, g, now, major);
    o.put("qmpstatus", g.qmpstatus);
    if (g.isRunning()) {
      qemuRuntime(o, g, now, major);
    }
  }

  /** {@code GET .../status/current}: vmstatus with {@code $full}, plus ha and config flags. */
  static void current(ObjectNode o, SimGuest g, Instant now, int major) {
    listEntry(o, g, now, major);
    if (g.isQemu()) {
      // qmpstatus falls back to status for a stopped VM; a paused one stays "running".
      o.put("qmpstatus", g.qmpstatus);
      if (g.isRunning()) {
        qemuRuntime(o, g, now, major);
      }
      if (g.agent) {
        o.put("agent", 1);
      }
    }
    ObjectNode ha = o.putObject("ha").put("managed", flag(g.ha));
    if (g.ha) {
      ha.put("state", g.isRunning() ? "started" : "stopped");
    }
  }

  /** What the QMP queries of a running VM add (query-balloon, -blockstats, -machines, ...). */
  private static void qemuRuntime(ObjectNode o, SimGuest g, Instant now, int major) {
    long total = g.maxmem;
    long free = total - g.memUsed();
    o.put("balloon", g.maxmem).put("freemem", free);
    o.putObject("ballooninfo")
        .put("actual", g.maxmem)
        .put("max_mem", g.maxmem)
        .put("total_mem", total)
        .put("free_mem", free)
        .put("mem_swapped_in", 0)
        .put("mem_swapped_out", 0)
        .put("major_page_faults", 1_203)
        .put("minor_page_faults", 3_412_877)
        .put("last_update", now.getEpochSecond() - 2);
    long read = g.uptime(now) * 4_000;
    long written = g.uptime(now) * 2_500;
    ObjectNode disk = o.putObject("blockstat").putObject("scsi0");
    disk.put("rd_bytes", read)
        .put("wr_bytes", written)
        .put("rd_operations", read / 4_096)
        .put("wr_operations", written / 4_096)
        .put("flush_operations", g.uptime(now) / 5)
        .put("unmap_bytes", 0)
        .put("unmap_operations", 0)
        .put("rd_merged", 0)
        .put("wr_merged", 0)
        .put("unmap_merged", 0)
        .put("rd_total_time_ns", read * 3)
        .put("wr_total_time_ns", written * 5)
        .put("flush_total_time_ns", g.uptime(now) * 1_000)
        .put("unmap_total_time_ns", 0)
        .put("failed_rd_operations", 0)
        .put("failed_wr_operations", 0)
        .put("failed_flush_operations", 0)
        .put("failed_unmap_operations", 0)
        .put("invalid_rd_operations", 0)
        .put("invalid_wr_operations", 0)
        .put("invalid_flush_operations", 0)
        .put("invalid_unmap_operations", 0)
        .put("account_invalid", true)
        .put("account_failed", true)
        .put("idle_time_ns", 1_500_000_000L);
    disk.putArray("timed_stats");
    o.putObject("nics")
        .putObject("tap" + g.vmid + "i0")
        .put("netin", g.uptime(now) * 1_200)
        .put("netout", g.uptime(now) * 800);
    String qemu = major >= 9 ? "10.0.2" : "9.0.2";
    o.put("running-qemu", qemu)
        .put("running-machine", "pc-i440fx-" + qemu.substring(0, qemu.lastIndexOf('.')) + "+pve0");
    // Real JSON booleans: query-proxmox-support is passed through from QMP.
    o.putObject("proxmox-support")
        .put("backup-fleecing", true)
        .put("backup-max-workers", true)
        .put("pbs-dirty-bitmap", true)
        .put("pbs-dirty-bitmap-migration", true)
        .put("pbs-dirty-bitmap-savevm", true)
        .put("pbs-library-version", "1.4.1 (UNKNOWN)")
        .put("pbs-masterkey", true)
        .put("query-bitmap-info", true);
  }

  static long pid(SimGuest g) {
    return 10_000L + g.vmid;
  }
}
