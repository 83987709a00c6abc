/**
 * The BackupJob kind's reconciler: reads a PVE cluster's {@code /cluster/backup}, and creates,
 * updates and deletes jobs through the journal. Its API calls sit behind {@link
 * io.pdmgitops.reconcilers.backupjob.BackupJobApi}, so the reconciler is tested against an
 * in-memory cluster and the simulator alike.
 */
package io.pdmgitops.reconcilers.backupjob;
