package io.pdmgitops.controller.store;

/** Where a journaled action stands. */
public enum JournalState {
  /** Written before the call: it may or may not have reached the remote. */
  PLANNED,
  /** The remote accepted it and returned a task id. */
  SENT,
  /** Its task ended (successfully or not; see the exit status). */
  FINISHED,
  /** The remote refused it or it could not be sent; nothing runs. */
  NOT_SENT
}
