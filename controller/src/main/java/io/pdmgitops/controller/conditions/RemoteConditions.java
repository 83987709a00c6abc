package io.pdmgitops.controller.conditions;

import io.pdmgitops.controller.loop.LoopObserver;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each cycle's verdicts on remotes into {@link ConditionKind#REMOTE_UNREACHABLE}: raised
 * while a remote does not answer, ended when it answers again or Git no longer declares it. So a
 * remote that is down is one log line when it goes and one when it comes back, not one per poll.
 */
public final class RemoteConditions implements LoopObserver {
  private final Conditions conditions;

  public RemoteConditions(Conditions conditions) {
    this.conditions = conditions;
  }

  @Override
  public void reportPublished(DriftReport report, String commitSha) {
    List<String> declared = new ArrayList<>();
    for (ResourceStatus status : report.resources()) {
      if (status.ref().kind() != Kind.REMOTE) {
        continue;
      }
      String remote = status.ref().identity();
      declared.add(remote);
      // Unknown and degraded: asked and did not answer (not merely "not observed yet").
      if (status.sync() == SyncStatus.UNKNOWN && status.health() == Health.DEGRADED) {
        conditions.raise(ConditionKind.REMOTE_UNREACHABLE, remote, status.message());
      } else {
        conditions.clear(ConditionKind.REMOTE_UNREACHABLE, remote);
      }
    }
    conditions.retain(ConditionKind.REMOTE_UNREACHABLE, declared);
  }
}
