package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * Where actions are written before they are sent, so that a controller that dies mid-action follows
 * the task after a restart instead of sending it twice. Implemented by the controller's store;
 * calls may block. Every write is durable when it returns (on disk, not in a cache), or throws
 * {@link JournalUnavailableException}: nothing is sent that was not journaled.
 */
public interface ActionJournal {
  /** Records the action as planned and returns its id; called before anything is sent. */
  long planned(JournaledAction action, String commitSha);

  /** The remote accepted the action and started this task. */
  void sent(long id, String upid);

  /** The task ended with this exit status. */
  void finished(long id, String exitStatus);

  /** The remote refused the action, or it was never sent; nothing runs. */
  void notSent(long id, String reason);

  /** The resource's action whose end is not known, if any: it must be settled first. */
  Optional<Entry> unfinished(ObjectRef resource);

  /** Every action whose end is not known, for the start-up check. */
  List<Entry> unfinished();

  /** A journaled action as the executor needs it. */
  record Entry(long id, JournaledAction action, Optional<String> upid, long createdEpochSecond) {}
}
