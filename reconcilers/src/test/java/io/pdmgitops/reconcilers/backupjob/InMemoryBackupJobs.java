package io.pdmgitops.reconcilers.backupjob;

import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.PermissionDeniedException;
import io.pdmgitops.reconcilers.api.RemoteUnreachableException;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * One cluster's backup jobs in memory, refusing as PVE does (an existing id on create, an unknown
 * one on update: HTTP 500 with pve-cluster's lock prefix), with switches for a token without
 * Sys.Modify, a cluster that is down, and an answer lost after the change was made. Every change
 * that reached it is counted.
 */
final class InMemoryBackupJobs implements BackupJobApi {
  final Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
  final List<String> changes = new ArrayList<>();
  boolean readOnlyToken;
  boolean down;
  boolean loseNextAnswer;

  @Override
  public synchronized Mono<List<ObservedBackupJobs.Job>> list() {
    if (down) {
      return Mono.error(new RemoteUnreachableException("east", List.of("connection refused")));
    }
    List<ObservedBackupJobs.Job> out = new ArrayList<>();
    jobs.forEach((id, p) -> out.add(new ObservedBackupJobs.Job(id, p)));
    return Mono.just(out);
  }

  @Override
  public synchronized Mono<Void> create(String id, Map<String, String> parameters) {
    return change(
        "create " + id,
        () -> {
          if (jobs.containsKey(id)) {
            throw new ServerErrorException(
                "east",
                OptionalInt.of(500),
                "error during cfs-locked 'file-jobs_cfg' operation: Job '"
                    + id
                    + "' already exists");
          }
          Map<String, String> job = new LinkedHashMap<>(parameters);
          job.putIfAbsent("enabled", "1");
          jobs.put(id, job);
        });
  }

  @Override
  public synchronized Mono<Void> update(
      String id, Map<String, String> parameters, List<String> delete) {
    return change(
        "update " + id + " " + parameters + " -" + delete,
        () -> {
          Map<String, String> job = jobs.get(id);
          if (job == null) {
            throw new ServerErrorException("east", OptionalInt.of(500), "no such vzdump job");
          }
          job.putAll(parameters);
          delete.forEach(job::remove);
        });
  }

  @Override
  public synchronized Mono<Void> delete(String id) {
    return change(
        "delete " + id,
        () -> {
          if (jobs.remove(id) == null) {
            throw new ServerErrorException("east", OptionalInt.of(400), "No such job '" + id + "'");
          }
        });
  }

  private Mono<Void> change(String what, Runnable apply) {
    if (down) {
      return Mono.error(new RemoteUnreachableException("east", List.of("connection refused")));
    }
    if (readOnlyToken) {
      return Mono.error(
          new PermissionDeniedException(
              "east", OptionalInt.of(403), "Permission check failed (/, Sys.Modify)"));
    }
    try {
      apply.run();
    } catch (RuntimeException e) {
      return Mono.error(e);
    }
    changes.add(what);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return Mono.error(new OutcomeUnknownException("east", "no answer within 30 s"));
    }
    return Mono.empty();
  }
}
