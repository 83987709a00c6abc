/**
 * The BackupJob kind: a PVE cluster's scheduled vzdump job ({@code /cluster/backup}) declared in
 * Git, judged field by field against the jobs the cluster reports, and created, updated or deleted
 * to match. Everything the kind knows lives here and in the reconcilers' {@code backupjob} package.
 */
package io.pdmgitops.model.backupjob;
