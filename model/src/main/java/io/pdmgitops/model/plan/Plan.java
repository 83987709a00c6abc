package io.pdmgitops.model.plan;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One plan: the actions to send, and the drifting guests that cannot be acted on as declared. */
public record Plan(List<PlannedAction> actions, List<BlockedAction> blocked) {
  public Plan {
    actions = List.copyOf(actions);
    blocked = List.copyOf(blocked);
  }

  /**
   * The report with each blocked guest shown as such: not actionable, Degraded, the reason as its
   * message, as drift shows a name mismatch or a template asked to run. Others are unchanged.
   */
  public DriftReport markBlocked(DriftReport report) {
    if (blocked.isEmpty()) {
      return report;
    }
    Map<ObjectRef, BlockedAction> byGuest =
        blocked.stream().collect(Collectors.toMap(BlockedAction::resource, Function.identity()));
    List<ResourceStatus> resources =
        report.resources().stream()
            .map(
                s -> {
                  BlockedAction b = byGuest.get(s.ref());
                  return b == null
                      ? s
                      : new ResourceStatus(
                          s.ref(),
                          s.sync(),
                          Health.worst(s.health(), Health.DEGRADED),
                          s.drifts(),
                          s.policy(),
                          false,
                          b.reason(),
                          s.location(),
                          s.remote());
                })
            .toList();
    return new DriftReport(report.at(), resources, report.unmanaged(), report.unmanagedObjects());
  }
}
