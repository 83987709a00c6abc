package io.pdmgitops.simulator.pve;

import static io.pdmgitops.simulator.http.ParamSchema.Param.node;
import static io.pdmgitops.simulator.http.ParamSchema.Param.optional;
import static io.pdmgitops.simulator.http.ParamSchema.Param.required;
import static io.pdmgitops.simulator.http.ParamSchema.Param.vmid;
import static io.pdmgitops.simulator.http.ParamSchema.Type.BOOLEAN;
import static io.pdmgitops.simulator.http.ParamSchema.Type.INTEGER;
import static io.pdmgitops.simulator.http.ParamSchema.Type.NUMBER;
import static io.pdmgitops.simulator.http.ParamSchema.Type.STRING;

import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.ParamSchema.Format;
import io.pdmgitops.simulator.http.ParamSchema.Param;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter lists of the guest actions, copied from PVE's schemas: qemu-server {@code
 * src/PVE/API2/Qemu.pm} (8.x; 9.0 adds {@code with-conntrack-state}) and pve-container {@code
 * src/PVE/API2/LXC/Status.pm} and {@code LXC.pm} (8.x/9.x). Containers have no {@code reset} and
 * their migrate takes {@code restart}/{@code timeout}; VMs' migrate has neither.
 */
final class GuestSchemas {
  private static final Param NODE = node("node", false);
  private static final Param VMID = vmid("vmid", false);
  private static final Param SKIPLOCK = optional("skiplock", BOOLEAN);
  private static final Param TIMEOUT = optional("timeout", INTEGER).minimum(0);
  private static final Param MIGRATION_TYPE =
      optional("migration_type", STRING).oneOf("secure", "insecure");

  private static final Map<String, ParamSchema> QEMU =
      Map.of(
          "start",
          ParamSchema.of(
              NODE,
              VMID,
              SKIPLOCK,
              optional("stateuri", STRING),
              node("migratedfrom", true),
              MIGRATION_TYPE,
              optional("migration_network", STRING),
              optional("machine", STRING),
              optional("force-cpu", STRING),
              optional("targetstorage", STRING),
              TIMEOUT,
              optional("nets-host-mtu", STRING)),
          "stop",
          ParamSchema.of(
              NODE,
              VMID,
              SKIPLOCK,
              node("migratedfrom", true),
              TIMEOUT,
              optional("keepActive", BOOLEAN),
              optional("overrule-shutdown", BOOLEAN)),
          "reset",
          ParamSchema.of(NODE, VMID, SKIPLOCK),
          "shutdown",
          ParamSchema.of(
              NODE,
              VMID,
              SKIPLOCK,
              TIMEOUT,
              optional("forceStop", BOOLEAN),
              optional("keepActive", BOOLEAN)),
          "reboot",
          ParamSchema.of(NODE, VMID, TIMEOUT),
          "suspend",
          ParamSchema.of(
              NODE,
              VMID,
              SKIPLOCK,
              optional("todisk", BOOLEAN),
              optional("statestorage", STRING).format(Format.PVE_STORAGE_ID).requires("todisk")),
          "resume",
          ParamSchema.of(NODE, VMID, SKIPLOCK, optional("nocheck", BOOLEAN)));

  private static final Map<String, ParamSchema> LXC =
      Map.of(
          "start",
          ParamSchema.of(NODE, VMID, SKIPLOCK, optional("debug", BOOLEAN)),
          "stop",
          ParamSchema.of(NODE, VMID, SKIPLOCK, optional("overrule-shutdown", BOOLEAN)),
          "shutdown",
          ParamSchema.of(NODE, VMID, TIMEOUT, optional("forceStop", BOOLEAN)),
          "reboot",
          ParamSchema.of(NODE, VMID, TIMEOUT),
          "suspend",
          ParamSchema.of(NODE, VMID),
          "resume",
          ParamSchema.of(NODE, VMID));

  private static final ParamSchema QEMU_MIGRATE =
      ParamSchema.of(
          NODE,
          VMID,
          node("target", false),
          optional("online", BOOLEAN),
          optional("force", BOOLEAN),
          MIGRATION_TYPE,
          optional("migration_network", STRING),
          optional("with-local-disks", BOOLEAN),
          optional("targetstorage", STRING),
          optional("bwlimit", INTEGER).minimum(0));

  private static final ParamSchema LXC_MIGRATE =
      ParamSchema.of(
          NODE,
          VMID,
          node("target", false),
          optional("target-storage", STRING),
          optional("online", BOOLEAN),
          optional("restart", BOOLEAN),
          optional("timeout", INTEGER),
          optional("bwlimit", NUMBER).minimum(0));

  /** The simulator's own hand-over from the preflight; stripped from every outside request. */
  private static final Param TARGET_NODE = optional(RemoteMigrationPreflight.TARGET_NODE, STRING);

  private static final ParamSchema QEMU_REMOTE_MIGRATE =
      ParamSchema.of(
          NODE,
          VMID,
          vmid("target-vmid", true),
          required("target-endpoint", STRING),
          optional("online", BOOLEAN),
          optional("delete", BOOLEAN),
          required("target-storage", STRING),
          required("target-bridge", STRING),
          optional("bwlimit", INTEGER).minimum(0),
          TARGET_NODE);

  private static final ParamSchema LXC_REMOTE_MIGRATE =
      ParamSchema.of(
          NODE,
          VMID,
          vmid("target-vmid", true),
          required("target-endpoint", STRING),
          optional("online", BOOLEAN),
          optional("restart", BOOLEAN),
          optional("timeout", INTEGER),
          optional("delete", BOOLEAN),
          required("target-storage", STRING),
          required("target-bridge", STRING),
          optional("bwlimit", NUMBER).minimum(0),
          TARGET_NODE);

  private GuestSchemas() {}

  /** The schema of {@code POST .../status/{action}}; empty where PVE has no such method (501). */
  static Optional<ParamSchema> power(String type, String action, int major) {
    if (!type.equals("qemu")) {
      return Optional.ofNullable(LXC.get(action));
    }
    ParamSchema schema = QEMU.get(action);
    if (schema != null && action.equals("start") && major >= 9) {
      return Optional.of(schema.with(optional("with-conntrack-state", BOOLEAN)));
    }
    return Optional.ofNullable(schema);
  }

  static ParamSchema migrate(String type, int major) {
    if (!type.equals("qemu")) {
      return LXC_MIGRATE;
    }
    return major >= 9 ? QEMU_MIGRATE.with(optional("with-conntrack-state", BOOLEAN)) : QEMU_MIGRATE;
  }

  static ParamSchema remoteMigrate(String type) {
    return type.equals("qemu") ? QEMU_REMOTE_MIGRATE : LXC_REMOTE_MIGRATE;
  }

  /** status/current and rrddata take nothing but the path. */
  static ParamSchema pathOnly() {
    return ParamSchema.of(NODE, VMID);
  }
}
