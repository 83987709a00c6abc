package io.pdmgitops.controller.backups;

import io.pdmgitops.controller.health.BackupsOverview;
import io.pdmgitops.controller.health.OverviewReads;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.health.BackupRules;
import io.pdmgitops.model.health.BackupServerHealth;
import io.pdmgitops.model.health.DeclaredBackup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest backup of each guest on the backup servers Git declares, as the backups overview last
 * read them (never per page view): matched by type and VMID ({@code vm/120}, {@code ct/120}),
 * preferring a namespace named after the guest's remote. A server that fails keeps its last answer,
 * marked with the error.
 */
public final class LastBackups {
  /** One guest's newest backup and where it lies. */
  public record Found(
      String remote,
      String datastore,
      String namespace,
      Instant last,
      int count,
      Optional<String> verify) {}

  /**
   * What one backup server gave at its last read, or why it gave nothing since.
   *
   * @param readAt when the answer shown was read; empty before the first
   * @param error why the latest read failed; empty when it worked
   */
  public record ServerRead(Optional<Instant> readAt, Optional<String> error) {}

  private final OverviewReads<BackupServerHealth> reads;

  public LastBackups(OverviewReads<BackupServerHealth> reads) {
    this.reads = reads;
  }

  /** The guest's newest backup on any declared backup server, as of their last reads. */
  public Optional<Found> newest(String remote, GuestType type, int vmid) {
    DeclaredBackup guest = new DeclaredBackup(remote, vmid, type, "", Optional.empty(), "");
    return BackupRules.newest(guest, BackupsOverview.answers(reads))
        .map(
            l ->
                new Found(
                    l.server(),
                    l.backup().store(),
                    l.backup().namespace(),
                    l.backup().newest(),
                    l.backup().count(),
                    l.backup().verify()));
  }

  /** Each declared backup server's last read, by remote name. */
  public Map<String, ServerRead> servers() {
    Map<String, ServerRead> out = new LinkedHashMap<>();
    reads
        .reads()
        .forEach((server, read) -> out.put(server, new ServerRead(read.readAt(), read.error())));
    return out;
  }
}
