package io.pdmgitops.model.plan;

/** What the controller does to a guest, in the order one plan prefers them. */
public enum ActionKind {
  /** Move to another cluster ({@code remote_migrate}). */
  REMOTE_MIGRATE,
  /** Move to another node of the same cluster ({@code migrate}). */
  MIGRATE,
  /** Boot a stopped guest. */
  START,
  /** Resume a paused guest that should run. */
  RESUME,
  /** Shut down gracefully. */
  SHUTDOWN,
  /** Reboot because {@code restartedAt} asks for it. */
  REBOOT
}
