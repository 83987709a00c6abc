package io.pdmgitops.reconcilers.pve;

/** Guest power actions, {@code POST .../status/{action}}. */
public enum PowerAction {
  /** Boot the guest. */
  START,
  /** Hard stop. */
  STOP,
  /** ACPI shutdown (containers: clean shutdown). */
  SHUTDOWN,
  /** Reboot a running guest. */
  REBOOT,
  /** Hard reset (qemu only). */
  RESET,
  /** Pause (qemu: to RAM). */
  SUSPEND,
  /** Resume a paused guest. */
  RESUME;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
