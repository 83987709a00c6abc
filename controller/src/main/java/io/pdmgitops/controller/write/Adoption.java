package io.pdmgitops.controller.write;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPower;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Guest document that declares an undeclared guest as it is now: its remote, VMID, type and
 * name as observed, its power as it is (omitted while paused or unknown, so adopting it sends
 * nothing), and {@code policy: enforce}, as the user then owns it in Git.
 */
final class Adoption {
  private Adoption() {}

  /**
   * A document name from the guest's name ({@code metadata.name}'s characters, 2 to 63 of them),
   * with the VMID added when the name is taken.
   */
  static String documentName(GuestObservation guest, String remote, DesiredState state) {
    String name = guest.name().replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
    if (name.length() < 2) {
      name = remote + "-" + guest.vmid();
    }
    if (name.length() > 63) {
      name = name.substring(0, 63);
    }
    Set<String> taken =
        state.guests().stream().map(g -> g.metadata().name()).collect(Collectors.toSet());
    if (taken.contains(name)) {
      String suffix = "-" + guest.vmid();
      name = name.substring(0, Math.min(name.length(), 63 - suffix.length())) + suffix;
    }
    return name;
  }

  static String document(GuestObservation guest, String remote, String name) {
    StringBuilder out = new StringBuilder();
    out.append("# Adopted from ")
        .append(remote)
        .append(": declared as it was observed, so the first cycle sends nothing.\n");
    out.append("apiVersion: pdm-gitops/v1\n");
    out.append("kind: ").append(Guest.class.getSimpleName()).append('\n');
    out.append("metadata:\n");
    out.append("  name: ").append(name).append('\n');
    out.append("spec:\n");
    out.append("  remote: ").append(remote).append('\n');
    out.append("  vmid: ").append(guest.vmid()).append('\n');
    out.append("  type: ").append(guest.type().wire()).append('\n');
    out.append("  name: ").append(quoted(guest.name())).append('\n');
    if (guest.power() == ObservedPower.RUNNING || guest.power() == ObservedPower.STOPPED) {
      out.append("  power: ").append(guest.power().name().toLowerCase(Locale.ROOT)).append('\n');
    } else {
      out.append("  # power: not declared, it was ")
          .append(guest.power().name().toLowerCase(Locale.ROOT))
          .append(" when adopted\n");
    }
    out.append("  policy: enforce\n");
    return out.toString();
  }

  /** A YAML scalar that stays the same string whatever the guest's name holds. */
  private static String quoted(String value) {
    return value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
        ? value
        : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
