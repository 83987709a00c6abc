package io.pdmgitops.model.firewall;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Firewall options: each declared place is compared option by option with what is in effect there
 * (the file's value, else PVE's default at that level), and a drifting one is set with one PUT of
 * just the drifting options, guarded by the digest it was judged from. There is nothing to create,
 * delete or leave unmanaged: every cluster, node and guest has options.
 */
public final class FirewallRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.FIREWALL_OPTIONS;
  }

  @Override
  public Set<String> remotesOf(DesiredObject object) {
    return Set.of(((FirewallOptions) object).spec().remote());
  }

  @Override
  public Optional<String> homeOf(DesiredObject object) {
    return Optional.of(((FirewallOptions) object).spec().remote());
  }

  @Override
  public List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    List<ResourceStatus> out = new ArrayList<>();
    for (FirewallOptions options : state.all(FirewallOptions.class)) {
      out.add(judge(options, inventory, options.spec().policy().orElse(defaultPolicy)));
    }
    return out;
  }

  private static ResourceStatus judge(
      FirewallOptions options, Inventory inventory, DriftPolicy policy) {
    String remote = options.spec().remote();
    FirewallTarget target = options.target();
    Optional<RemoteObservation> observed = inventory.remote(remote);
    if (observed.isEmpty()) {
      return unknown(options, policy, "remote " + remote + " has not been observed yet");
    }
    if (observed.get() instanceof RemoteObservation.Unreachable u) {
      return unknown(options, policy, "remote " + remote + " is unreachable: " + u.message());
    }
    Optional<ObservedFirewallOptions> part = inventory.part(remote, ObservedFirewallOptions.class);
    if (part.isEmpty()) {
      return unknown(
          options,
          policy,
          "the firewall options of "
              + remote
              + " could not be read"
              + inventory.unread(remote, Kind.FIREWALL_OPTIONS).map(why -> ": " + why).orElse(""));
    }
    Optional<ObservedFirewallOptions.Read> read = part.get().of(target);
    if (read.isEmpty()) {
      return unknown(
          options,
          policy,
          why((RemoteObservation.Reachable) observed.get(), target)
              + ": its firewall options cannot be read");
    }
    List<FieldDrift> drifts = new ArrayList<>();
    FirewallWire.desired(options.spec())
        .forEach(
            (field, want) -> {
              String is = FirewallWire.effective(field, target.level(), read.get());
              if (!want.equals(is)) {
                drifts.add(new FieldDrift(field, want, is));
              }
            });
    if (drifts.isEmpty()) {
      return status(options, SyncStatus.SYNCED, drifts, policy, "");
    }
    StringBuilder message = new StringBuilder(target.describe()).append(": ");
    for (int i = 0; i < drifts.size(); i++) {
      FieldDrift d = drifts.get(i);
      message
          .append(i == 0 ? "" : "; ")
          .append(d.path())
          .append(": want ")
          .append(d.desired())
          .append(", is ")
          .append(d.observed());
    }
    return status(options, SyncStatus.OUT_OF_SYNC, drifts, policy, message.toString());
  }

  /** Why a place was not read: the guest or node is not there, or the node is offline. */
  private static String why(RemoteObservation.Reachable remote, FirewallTarget target) {
    return switch (target.level()) {
      case GUEST -> "guest " + target.vmid().orElseThrow() + " is not on " + remote.name();
      case NODE -> {
        String node = target.node().orElseThrow();
        boolean known = remote.nodes().stream().anyMatch(n -> n.name().equals(node));
        yield known
            ? "node " + node + " is offline"
            : "node " + node + " is not in the cluster " + remote.name();
      }
      case CLUSTER -> "the cluster " + remote.name() + " did not answer for its options";
    };
  }

  private static ResourceStatus unknown(FirewallOptions o, DriftPolicy policy, String message) {
    return status(o, SyncStatus.UNKNOWN, List.of(), policy, message);
  }

  private static ResourceStatus status(
      FirewallOptions options,
      SyncStatus sync,
      List<FieldDrift> drifts,
      DriftPolicy policy,
      String message) {
    return new ResourceStatus(
        ObjectRef.of(options),
        sync,
        sync == SyncStatus.UNKNOWN ? Health.UNKNOWN : Health.HEALTHY,
        drifts,
        policy,
        sync == SyncStatus.OUT_OF_SYNC,
        message,
        Optional.empty(),
        Optional.of(options.spec().remote()));
  }

  @Override
  public Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    Map<ObjectRef, FirewallOptions> declared = new LinkedHashMap<>();
    state.all(FirewallOptions.class).forEach(o -> declared.put(ObjectRef.of(o), o));
    List<PlannedAction> actions = new ArrayList<>();
    for (ResourceStatus status : verdicts) {
      FirewallOptions options = declared.get(status.ref());
      if (options == null
          || status.policy() != DriftPolicy.ENFORCE
          || !status.actionable()
          || status.sync() != SyncStatus.OUT_OF_SYNC) {
        continue;
      }
      String remote = options.spec().remote();
      inventory
          .part(remote, ObservedFirewallOptions.class)
          .flatMap(p -> p.of(options.target()))
          .ifPresent(read -> actions.add(update(options, status, read)));
    }
    return new Plan(actions, List.of());
  }

  private static PlannedAction update(
      FirewallOptions options, ResourceStatus status, ObservedFirewallOptions.Read read) {
    Map<FirewallField, String> want = FirewallWire.desired(options.spec());
    Map<String, String> set = new LinkedHashMap<>();
    for (FieldDrift d : status.drifts()) {
      FirewallField field = (FirewallField) d.field();
      set.put(field.parameter(), want.get(field));
    }
    return new PlannedAction(
        status.ref(),
        options.spec().remote(),
        FirewallAction.UPDATE,
        status.message(),
        new FirewallChange(read.path(), set, read.digest()));
  }

  /**
   * The spec (a new token or a changed option) and what the place holds: a failed PUT is retried
   * for good only when one of them changes.
   */
  @Override
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    Optional<FirewallOptions> options =
        state.all(FirewallOptions.class).stream()
            .filter(o -> ObjectRef.of(o).equals(action.resource()))
            .findFirst();
    Optional<Remote.Spec> remote = state.remote(action.remote()).map(Remote::spec);
    Optional<ObservedFirewallOptions.Read> read =
        options.flatMap(
            o ->
                inventory
                    .part(action.remote(), ObservedFirewallOptions.class)
                    .flatMap(p -> p.of(o.target())));
    return Integer.toHexString(
        Objects.hash(options.map(FirewallOptions::spec), remote, read.map(r -> r.options())));
  }
}
