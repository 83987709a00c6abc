package io.pdmgitops.reconcilers.backupjob;

import io.pdmgitops.model.backupjob.BackupJobAction;
import io.pdmgitops.model.backupjob.BackupJobChange;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.JournalJson;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A backup job action in the journal: its change (id, parameters set and deleted) as JSON. */
final class BackupJobCodec {
  /** The JSON of a change; parameters sorted, so the same change is the same text. */
  record Stored(String id, Map<String, String> set, List<String> delete) {}

  private BackupJobCodec() {}

  static JournaledAction encode(PlannedAction action) {
    BackupJobChange change = (BackupJobChange) action.params();
    return new JournaledAction(
        action.resource(),
        action.remote(),
        action.type().name(),
        JournalJson.write(new Stored(change.id(), new TreeMap<>(change.set()), change.delete())),
        action.reason());
  }

  static PlannedAction decode(JournaledAction stored) {
    Stored params = JournalJson.read(stored, Stored.class);
    return new PlannedAction(
        stored.resource(),
        stored.remote(),
        BackupJobAction.valueOf(stored.action()),
        stored.reason(),
        new BackupJobChange(
            params.id(),
            params.set() == null ? Map.of() : params.set(),
            params.delete() == null ? List.of() : params.delete()));
  }
}
