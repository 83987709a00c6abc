package io.pdmgitops.reconcilers.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.firewall.FirewallAction;
import io.pdmgitops.model.firewall.FirewallChange;
import io.pdmgitops.model.firewall.FirewallOptions;
import io.pdmgitops.model.firewall.FirewallTarget;
import io.pdmgitops.model.firewall.ObservedFirewallOptions;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.InMemoryJournal;
import io.pdmgitops.reconcilers.engine.ReadContext;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciler against in-memory options files: what is read, sent, journaled, settled. */
class FirewallReconcilerTest {
  static final String CLUSTER = "/cluster/firewall/options";
  static final String GUEST = "/nodes/pve1/lxc/120/firewall/options";

  final InMemoryFirewall east = new InMemoryFirewall();
  final InMemoryJournal journal = new InMemoryJournal();
  final FirewallReconciler reconciler =
      new FirewallReconciler(
          remote -> {
            if (!remote.equals("east")) {
              throw new IllegalStateException(remote + ": no such remote in Git");
            }
            return east;
          },
          journal);

  static Remote remote(String name, RemoteType type) {
    return new Remote(
        new ObjectMeta(name, Map.of(), Map.of()),
        new Remote.Spec(
            type,
            List.of(new Endpoint("https://" + name + ".example:8006", Optional.empty())),
            new ApiToken("ctl@pve!ctl", new SecretRef(Optional.of("EAST"), Optional.empty())),
            Optional.empty()));
  }

  static FirewallOptions options(String name, String remote, String node, Integer vmid) {
    return new FirewallOptions(
        new ObjectMeta(name, Map.of(), Map.of()),
        new FirewallOptions.Spec(
            remote,
            Optional.ofNullable(node),
            Optional.ofNullable(vmid),
            Optional.of(true),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  /** East: pve1 online with container 120, pve2 offline. */
  static RemoteObservation.Reachable sweep() {
    GuestObservation ct =
        new GuestObservation(
            120,
            GuestType.LXC,
            "ct",
            "pve1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ZERO,
            List.of(),
            Optional.empty(),
            null);
    return new RemoteObservation.Reachable(
        "east",
        "8.2.4",
        List.of(new NodeObservation("pve1", true, null), new NodeObservation("pve2", false, null)),
        List.of(ct));
  }

  ReadContext context(Remote remote, DesiredObject... objects) {
    List<DesiredObject> all = new ArrayList<>(List.of(remote));
    all.addAll(List.of(objects));
    return new ReadContext(remote, DesiredState.of(all, Map.of()), sweep());
  }

  static PlannedAction update(String path, Map<String, String> set, String digest) {
    return new PlannedAction(
        new ObjectRef(Kind.FIREWALL_OPTIONS, "fw"),
        "east",
        FirewallAction.UPDATE,
        "test",
        new FirewallChange(path, set, digest));
  }

  @Test
  void onlyThePlacesGitDeclaresOnThisRemoteAreReadAndAGuestWhereItRuns() {
    Remote east = remote("east", RemoteType.PVE);
    var parts =
        reconciler
            .observe(
                context(
                    east,
                    options("cluster", "east", null, null),
                    options("ct", "east", null, 120),
                    options("gone", "east", null, 999),
                    options("offline", "east", "pve2", null),
                    options("elsewhere", "west", null, null)))
            .block();

    assertThat(this.east.calls).containsExactlyInAnyOrder("GET " + CLUSTER, "GET " + GUEST);
    assertThat(parts)
        .singleElement()
        .isInstanceOfSatisfying(
            ObservedFirewallOptions.class,
            o ->
                assertThat(o.read())
                    .containsOnlyKeys(FirewallTarget.CLUSTER, FirewallTarget.guest(120)));
  }

  @Test
  void aRemoteWithNothingDeclaredOrABackupServerIsNotAskedAtAll() {
    assertThat(reconciler.observe(context(remote("east", RemoteType.PVE))).block()).isEmpty();
    assertThat(
            reconciler
                .observe(context(remote("east", RemoteType.PBS), options("c", "east", null, null)))
                .block())
        .isEmpty();
    assertThat(east.calls).isEmpty();
  }

  @Test
  void aChangeIsJournaledThenSentWithTheDigestAndRecorded() {
    int[] callsWhenJournaled = {-1};
    journal.onPlanned = a -> callsWhenJournaled[0] = east.calls.size();

    ReconcileResult result =
        reconciler.execute(update(CLUSTER, Map.of("enable", "1"), "v0"), "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(callsWhenJournaled[0]).as("journaled before the call").isZero();
    assertThat(east.files.get(CLUSTER)).containsEntry("enable", "1");
    assertThat(journal.calls).containsExactly("planned 1", "finished 1 OK");
  }

  @Test
  void anEditSinceTheReadRefusesTheChangeWhichIsNotResentAsItIs() {
    east.edit(CLUSTER, Map.of("policy_out", "DROP"));

    ReconcileResult result =
        reconciler.execute(update(CLUSTER, Map.of("enable", "1"), "v0"), "abc").block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .isEqualTo(
                        "the options changed on east after they were read; planned again from"
                            + " the next read"));
    assertThat(east.files.get(CLUSTER)).doesNotContainKey("enable");
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
  }

  @Test
  void aLostAnswerIsSettledByReadingNeverBySendingAgain() {
    east.loseNextAnswer = true;
    PlannedAction action = update(CLUSTER, Map.of("enable", "1"), "v0");

    ReconcileResult first = reconciler.execute(action, "abc").block();
    ReconcileResult second = reconciler.execute(action, "abc").block();

    assertThat(first).isInstanceOf(ReconcileResult.Retryable.class);
    assertThat(second).as("found on the remote").isInstanceOf(ReconcileResult.Done.class);
    assertThat(east.calls.stream().filter(c -> c.startsWith("PUT"))).hasSize(1);
    assertThat(journal.calls)
        .containsExactly("planned 1", "finished 1 OK (found on the remote after a restart)");
  }

  @Test
  void aRowLeftByADeadControllerWhoseChangeNeverLandedIsClosedAndPlannedAfresh() {
    long id =
        journal.leftPlanned(
            FirewallCodec.encode(update(GUEST, Map.of("log_level_in", "info"), "v0")));

    ReconcileResult result = reconciler.settle(journal.unfinished().get(0)).block();

    assertThat(id).isEqualTo(1);
    assertThat(result).isInstanceOf(ReconcileResult.RequeueAfter.class);
    assertThat(east.calls).containsExactly("GET " + GUEST);
    assertThat(journal.calls).containsExactly("notSent 1");
  }
}
