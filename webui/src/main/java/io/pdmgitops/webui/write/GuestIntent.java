package io.pdmgitops.webui.write;

import java.util.List;
import java.util.Optional;

/** A one-click change of a guest's desired state, and the fields it writes. */
public enum GuestIntent {
  START("start", "Start", List.of(Write.of("/spec/power", "running"))),
  /** A clean shutdown; a guest declared to stop at once is set back to shutting down. */
  SHUTDOWN(
      "shutdown",
      "Shut down",
      List.of(Write.of("/spec/power", "stopped"), Write.ifPresent("/spec/stopMethod", "shutdown"))),
  /** PVE's Stop: power cut at once, declared so in Git ({@code stopMethod: stop}). */
  STOP(
      "stop",
      "Stop",
      List.of(Write.of("/spec/power", "stopped"), Write.of("/spec/stopMethod", "stop"))),
  /** Bumps {@code restartedAt} to now: a guest running since before then is rebooted once. */
  REBOOT("reboot", "Reboot", List.of(new Write("/spec/restartedAt", Optional.empty(), false)));

  /**
   * One field an intent writes.
   *
   * @param value empty for the time of the click
   * @param onlyIfPresent written only where the document has the field already
   */
  public record Write(String pointer, Optional<String> value, boolean onlyIfPresent) {
    static Write of(String pointer, String value) {
      return new Write(pointer, Optional.of(value), false);
    }

    static Write ifPresent(String pointer, String value) {
      return new Write(pointer, Optional.of(value), true);
    }
  }

  private final String wire;
  private final String label;
  private final List<Write> writes;

  GuestIntent(String wire, String label, List<Write> writes) {
    this.wire = wire;
    this.label = label;
    this.writes = writes;
  }

  public String wire() {
    return wire;
  }

  public String label() {
    return label;
  }

  /** The fields the intent writes, in order. */
  public List<Write> writes() {
    return writes;
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
