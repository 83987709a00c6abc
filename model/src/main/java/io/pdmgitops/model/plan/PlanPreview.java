package io.pdmgitops.model.plan;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.observed.Inventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a candidate desired state (a branch, a commit, a directory) would change if it were in force
 * now: the objects it adds, alters or removes compared with the snapshot in force, and what the
 * controller would do to the live fleet as last observed, judged exactly as the loop judges (its
 * {@link Rulebook}). Pure: nothing is sent.
 *
 * <p>An entry is listed when its object changes in Git, when an action or a block is planned for
 * it, when it drifts (even under a {@code report} policy, which only reports), or when it is a
 * remote that cannot be observed (the plan below it is then incomplete).
 *
 * @param observedAt when the inventory the plan is judged against was observed
 */
public record PlanPreview(Instant observedAt, List<Entry> entries) {
  public PlanPreview {
    entries = List.copyOf(entries);
  }

  /** How an object changes in Git. */
  public enum GitChange {
    ADDED,
    CHANGED,
    REMOVED,
    NONE
  }

  /**
   * One object of the plan.
   *
   * @param status its verdict against the live fleet; empty for kinds that are not observed (views,
   *     users) and for removed objects
   * @param action what the controller would send first
   * @param blocked the action PVE would refuse as declared, with why
   */
  public record Entry(
      ObjectRef ref,
      GitChange change,
      Optional<ResourceStatus> status,
      Optional<PlannedAction> action,
      Optional<BlockedAction> blocked) {}

  /** The preview with the kinds that ship with the model. */
  public static PlanPreview of(
      DesiredState inForce, DesiredState candidate, Inventory observed, DriftPolicy defaultPolicy) {
    return of(Rulebook.builtIn(), inForce, candidate, observed, defaultPolicy);
  }

  /** The preview judged by every kind the controller registered, as its loop judges. */
  public static PlanPreview of(
      Rulebook rules,
      DesiredState inForce,
      DesiredState candidate,
      Inventory observed,
      DriftPolicy defaultPolicy) {
    DriftReport detected = rules.detect(candidate, observed, defaultPolicy);
    Plan plan = rules.review(detected, candidate, observed);
    DriftReport report = plan.markBlocked(detected);
    Map<ObjectRef, PlannedAction> actions =
        plan.actions().stream()
            .collect(Collectors.toMap(PlannedAction::resource, Function.identity(), (a, b) -> a));
    Map<ObjectRef, BlockedAction> blocked =
        plan.blocked().stream()
            .collect(Collectors.toMap(BlockedAction::resource, Function.identity(), (a, b) -> a));
    Map<ObjectRef, GitChange> changes = new LinkedHashMap<>();
    for (ObjectDiff.Delta delta : ObjectDiff.between(inForce, candidate)) {
      changes.put(
          delta.ref(),
          delta.added()
              ? GitChange.ADDED
              : delta.removed() ? GitChange.REMOVED : GitChange.CHANGED);
    }
    List<Entry> entries = new ArrayList<>();
    for (ResourceStatus status : report.resources()) {
      ObjectRef ref = status.ref();
      GitChange change = changes.getOrDefault(ref, GitChange.NONE);
      Optional<PlannedAction> action = Optional.ofNullable(actions.get(ref));
      Optional<BlockedAction> block = Optional.ofNullable(blocked.get(ref));
      if (change != GitChange.NONE
          || action.isPresent()
          || block.isPresent()
          || status.sync() == SyncStatus.OUT_OF_SYNC
          || (ref.kind() == Kind.REMOTE && status.sync() != SyncStatus.SYNCED)) {
        entries.add(new Entry(ref, change, Optional.of(status), action, block));
      }
      changes.remove(ref);
    }
    // Objects the fleet is not judged on (views, access) and those the candidate removes.
    changes.forEach(
        (ref, change) ->
            entries.add(
                new Entry(ref, change, Optional.empty(), Optional.empty(), Optional.empty())));
    entries.sort(Comparator.comparing((Entry e) -> e.ref().toString()));
    return new PlanPreview(observed.observedAt(), entries);
  }

  /** Whether merging the candidate would change anything: in Git, or on a remote. */
  public boolean changes() {
    return entries.stream()
        .anyMatch(
            e -> e.change() != GitChange.NONE || e.action().isPresent() || e.blocked().isPresent());
  }

  public long actions() {
    return entries.stream().filter(e -> e.action().isPresent()).count();
  }

  public long blocked() {
    return entries.stream().filter(e -> e.blocked().isPresent()).count();
  }

  public long count(GitChange change) {
    return entries.stream().filter(e -> e.change() == change).count();
  }
}
