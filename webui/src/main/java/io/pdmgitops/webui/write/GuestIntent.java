package io.pdmgitops.webui.write;

import java.util.Optional;

/** A one-click change of a guest's desired state, and the field it writes. */
public enum GuestIntent {
  START("start", "Start", "/spec/power", "running"),
  SHUTDOWN("shutdown", "Shut down", "/spec/power", "stopped"),
  /** Bumps {@code restartedAt} to now: a guest running since before then is rebooted once. */
  REBOOT("reboot", "Reboot", "/spec/restartedAt", null);

  private final String wire;
  private final String label;
  private final String pointer;
  private final String value;

  GuestIntent(String wire, String label, String pointer, String value) {
    this.wire = wire;
    this.label = label;
    this.pointer = pointer;
    this.value = value;
  }

  public String wire() {
    return wire;
  }

  public String label() {
    return label;
  }

  /** The field the intent writes. */
  public String pointer() {
    return pointer;
  }

  /** The value it writes; empty for a reboot, whose value is the time of the click. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  public static Optional<GuestIntent> of(String wire) {
    for (GuestIntent intent : values()) {
      if (intent.wire.equals(wire)) {
        return Optional.of(intent);
      }
    }
    return Optional.empty();
  }
}
