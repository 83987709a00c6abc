package io.pdmgitops.reconcilers.backupjob;

import io.pdmgitops.model.backupjob.BackupJobAction;
import io.pdmgitops.model.backupjob.BackupJobChange;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A backup job action in the journal: its change (id, parameters set and deleted) as JSON. */
final class BackupJobCodec {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The JSON of a change; parameters sorted, so the same change is the same text. */
  record Stored(String id, Map<String, String> set, List<String> delete) {}

  private BackupJobCodec() {}

  static JournaledAction encode(PlannedAction action) {
    BackupJobChange change = (BackupJobChange) action.params();
    return new JournaledAction(
        action.resource(),
        action.remote(),
        action.type().name(),
        JSON.writeValueAsString(
            new Stored(change.id(), new TreeMap<>(change.set()), change.delete())),
        action.reason());
  }

  static PlannedAction decode(JournaledAction stored) {
    Stored params;
    try {
      params = JSON.readValue(stored.params(), Stored.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "journal row of " + stored.resource() + " has unreadable parameters", e);
    }
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
