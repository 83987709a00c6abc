package io.pdmgitops.reconcilers.guest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.InMemoryJournal;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.reconcilers.pve.PveClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guest reconciler against an in-memory node, without HTTPS: what is journaled, sent, followed,
 * and never sent twice. The simulator-backed {@code GuestActionExecutorIT} checks the wire.
 */
class GuestReconcilerTest {
  final InMemoryPve node = new InMemoryPve();
  final InMemoryJournal journal = new InMemoryJournal();
  final GuestReconciler reconciler =
      new GuestReconciler(
          new GuestActionExecutor(
              new GuestRemotes() {
                @Override
                public PveClient client(String remote) {
                  return node;
                }

                @Override
                public String tokenId(String remote) {
                  return InMemoryPve.TOKEN;
                }

                @Override
                public MigrationTarget migrationTarget(String remote) {
                  throw new IllegalStateException("no moves in this test");
                }
              },
              journal,
              Duration.ofMillis(1)));

  static PlannedAction action(GuestAction type, ObservedPower power) {
    return PlannedAction.guest(
        new ObjectRef(Kind.GUEST, "db"),
        new GuestLocation("east", "pve1", GuestType.QEMU, 101, power),
        type,
        "test",
        Optional.empty());
  }

  @Test
  void aStartIsJournaledSentAndFollowedToItsEnd() {
    node.pollsPerTask = 3;

    ReconcileResult result =
        reconciler.execute(action(GuestAction.START, ObservedPower.STOPPED), "abc").block();

    assertThat(result).isInstanceOf(ReconcileResult.Done.class);
    assertThat(node.acted).containsExactly("qmstart 101");
    assertThat(node.power).containsEntry(101, "running");
    assertThat(journal.calls).containsExactly("planned 1", "sent 1", "finished 1 OK");
  }

  @Test
  void aLockedGuestIsRetriedLaterAndNothingRuns() {
    node.locks.put(101, "backup");

    ReconcileResult result =
        reconciler.execute(action(GuestAction.SHUTDOWN, ObservedPower.RUNNING), "abc").block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Retryable.class,
            r -> assertThat(r.reason()).contains("locked (backup)"));
    assertThat(node.acted).isEmpty();
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
  }

  @Test
  void aTokenWithoutThePrivilegeFailsForGood() {
    node.readOnlyToken = true;

    ReconcileResult result =
        reconciler.execute(action(GuestAction.START, ObservedPower.STOPPED), "abc").block();

    assertThat(result)
        .isInstanceOfSatisfying(
            ReconcileResult.Failed.class, f -> assertThat(f.reason()).contains("VM.PowerMgmt"));
    assertThat(node.acted).isEmpty();
  }

  @Test
  void aNodeThatIsDownIsRetriedLater() {
    node.down = true;

    assertThat(reconciler.execute(action(GuestAction.START, ObservedPower.STOPPED), "abc").block())
        .isInstanceOf(ReconcileResult.Retryable.class);
    assertThat(journal.calls).containsExactly("planned 1", "notSent 1");
  }

  @Test
  void aStartWhoseAnswerWasLostIsFoundInTheTaskListNotSentAgain() {
    node.loseNextAnswer = true;
    PlannedAction start = action(GuestAction.START, ObservedPower.STOPPED);

    ReconcileResult first = reconciler.execute(start, "abc").block();
    ReconcileResult second = reconciler.execute(start, "abc").block();

    assertThat(first).isInstanceOf(ReconcileResult.Retryable.class);
    assertThat(second).isInstanceOf(ReconcileResult.Done.class);
    assertThat(node.acted).as("the start reached the node once").containsExactly("qmstart 101");
    assertThat(journal.calls).containsExactly("planned 1", "sent 1", "finished 1 OK");
  }

  @Test
  void anActionJournaledByAControllerThatDiedBeforeSendingIsMarkedNeverSent() {
    journal.leftPlanned(GuestJournalCodec.encode(action(GuestAction.START, ObservedPower.STOPPED)));

    ReconcileResult result = reconciler.settle(journal.unfinished().get(0)).block();

    assertThat(result).isInstanceOf(ReconcileResult.RequeueAfter.class);
    assertThat(node.acted).isEmpty();
    assertThat(journal.calls).containsExactly("notSent 1");
  }
}
