package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.plan.ActionParams;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one backup job action sends: the job's id, the parameters to set (all of them for a create),
 * and the ones to remove from the job ({@code delete}, for an update that switches the selection).
 */
public record BackupJobChange(String id, Map<String, String> set, List<String> delete)
    implements ActionParams {
  public BackupJobChange {
    Objects.requireNonNull(id, "id");
    set = Map.copyOf(set);
    delete = List.copyOf(delete);
  }
}
