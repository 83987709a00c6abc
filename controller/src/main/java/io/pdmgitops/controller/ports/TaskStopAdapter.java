package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.reconcilers.api.BadRequestException;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.tasks.TaskStopPort;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stops a remote's task for a user, sent with the token their access chose (a remote group's token
 * when only the group allows it), so the remote's own privileges limit it too. Every try is in the
 * audit log with the token's name and the outcome; a refusal names the remote's missing privilege.
 */
public final class TaskStopAdapter implements TaskStopPort {
  /** Longest the remote may take to stop the task and report its status. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final SnapshotTracker snapshots;
  private final RemoteClients clients;
  private final AuditTrail audit;

  public TaskStopAdapter(SnapshotTracker snapshots, RemoteClients clients, AuditTrail audit) {
    this.snapshots = snapshots;
    this.clients = clients;
    this.audit = audit;
  }

  @Override
  public Mono<String> stop(
      String remote, String upidText, RemoteToken via, String actor, String address) {
    String target = "/remotes/" + remote + "/tasks/" + upidText;
    return Mono.defer(
            () -> {
              RemoteTask task = RemoteTask.of(snapshots, clients, remote, upidText, via);
              // Read first: a task that has ended is said so, not "stopped".
              return task.status()
                  .flatMap(
                      before ->
                          before.isRunning()
                              ? task.stop()
                                  .thenReturn(
                                      "Asked "
                                          + remote
                                          + " to stop the task ("
                                          + via.describe()
                                          + ").")
                              : Mono.just(
                                  "The task had already ended ("
                                      + before.exitstatus().orElse("stopped")
                                      + ")."));
            })
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            e ->
                e instanceof io.pdmgitops.reconcilers.api.NotFoundException
                    || e instanceof BadRequestException,
            e -> new NotFoundException(remote + " has no task " + upidText))
        .transform(call -> UserCallErrors.mapped(call, remote, via, TIMEOUT))
        .doOnNext(
            message -> audit.record(AuditKind.TASK_STOPPED, actor, address, target, via.describe()))
        .doOnError(
            e ->
                audit.record(
                    AuditKind.TASK_STOP_FAILED,
                    actor,
                    address,
                    target,
                    e.getMessage().contains(via.describe())
                        ? e.getMessage()
                        : via.describe() + ": " + e.getMessage()));
  }
}
