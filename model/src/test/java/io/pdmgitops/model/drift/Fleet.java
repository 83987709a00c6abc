package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for drift tests: a desired guest and what a remote reports of it. */
final class Fleet {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private Fleet() {}

  static Remote remote(String name) {
    return new Remote(
        ObjectMeta.named(name),
        new Remote.Spec(
            RemoteType.PVE,
            List.of(new Endpoint("https://" + name + ".example:8006", Optional.empty())),
            new io.pdmgitops.model.desired.ApiToken("ctl@pve!ctl", SecretRef.env("T")),
            Optional.empty()));
  }

  /** A desired guest "web" (qemu, vmid 100) on east; adjust with the with* methods. */
  record GuestBuilder(
      String name,
      String remote,
      int vmid,
      GuestType type,
      Optional<PowerState> power,
      Optional<Instant> restartedAt,
      Optional<Placement> placement,
      Optional<DriftPolicy> policy) {
    static GuestBuilder web() {
      return new GuestBuilder(
          "web",
          "east",
          100,
          GuestType.QEMU,
          Optional.of(PowerState.RUNNING),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    GuestBuilder power(PowerState p) {
      return new GuestBuilder(
          name, remote, vmid, type, Optional.ofNullable(p), restartedAt, placement, policy);
    }

    GuestBuilder restartedAt(Instant at) {
      return new GuestBuilder(name, remote, vmid, type, power, Optional.of(at), placement, policy);
    }

    GuestBuilder onNode(String node) {
      return placed(
          new Placement(
              Optional.empty(),
              node,
              Optional.empty(),
              Map.of(),
              Map.of(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }

    GuestBuilder movedTo(String targetRemote, String node, int targetVmid) {
      return placed(
          new Placement(
              Optional.of(targetRemote),
              node,
              Optional.of(targetVmid),
              Map.of("*", "local"),
              Map.of("*", "vmbr0"),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }

    GuestBuilder placed(Placement p) {
      return new GuestBuilder(name, remote, vmid, type, power, restartedAt, Optional.of(p), policy);
    }

    GuestBuilder policy(DriftPolicy p) {
      return new GuestBuilder(
          name, remote, vmid, type, power, restartedAt, placement, Optional.of(p));
    }

    Guest build() {
      return new Guest(
          ObjectMeta.named(name),
          new Guest.Spec(remote, vmid, type, name, power, restartedAt, placement, policy));
    }
  }

  static GuestObservation observed(int vmid, String name, ObservedPower power) {
    return new GuestObservation(
        vmid,
        GuestType.QEMU,
        name,
        "pve1",
        power,
        false,
        Optional.empty(),
        power == ObservedPower.STOPPED ? Duration.ZERO : Duration.ofDays(1),
        List.of(),
        Optional.empty());
  }

  static List<NodeObservation> nodes() {
    return List.of(new NodeObservation("pve1", true), new NodeObservation("pve2", true));
  }

  static DesiredState state(DesiredObject... objects) {
    return DesiredState.of(new ArrayList<>(List.of(objects)), Map.of());
  }
}
