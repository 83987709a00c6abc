package io.pdmgitops.reconcilers.pve;

/**
 * Guest power actions, {@code POST .../status/{action}}, that both VMs and containers have. A hard
 * reset exists for VMs only (pve-container has no {@code status/reset}: 501), so it is not here but
 * {@link PveClient#resetVm}: a container cannot be asked to reset.
 */
public enum PowerAction {
  /** Boot the guest. */
  START,
  /** Hard stop. */
  STOP,
  /** ACPI shutdown (containers: clean shutdown). */
  SHUTDOWN,
  /** Reboot a running guest. */
  REBOOT,
  /** Pause (qemu: to RAM; containers: freeze). */
  SUSPEND,
  /** Resume a paused guest. */
  RESUME;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
