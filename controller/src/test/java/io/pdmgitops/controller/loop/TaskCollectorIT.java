package io.pdmgitops.controller.loop;

import static io.pdmgitops.controller.loop.LoopHarness.guest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.ports.TaskCollector;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskRow;
import io.pdmgitops.webui.tasks.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tasks page's collection on the running loop (kept beside the loop's harness, which it uses):
 * every reachable remote's tasks, the controller's own linked to their commit and resource, one
 * collection shared for a few seconds, and a remote that cannot be asked named, not hidden.
 */
class TaskCollectorIT {
  @TempDir Path upstream;
  @TempDir Path work;
  LoopHarness h;
  final ShiftedClock clock = new ShiftedClock();
  TaskCollector tasks;
  String stopCommit;

  @BeforeEach
  void start() throws Exception {
    h = new LoopHarness(ReconcileLoopIT.FLEET, upstream, work);
    h.commit(guest("web", 100, "running"), "baseline");
    h.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.loop.latestReport().map(r -> r.count(SyncStatus.SYNCED) == 3).orElse(false));
    stopCommit = h.commit(guest("web", 100, "stopped"), "stop web");
    h.poller.trigger();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                h.actions().stream()
                    .map(JournalEntry::exitStatus)
                    .anyMatch(s -> s.filter("OK"::equals).isPresent()));
    tasks = new TaskCollector(h.loop, h.snapshots, h.clients, h.store, clock);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void theControllersOwnTaskIsListedWithItsCommitAndResource() {
    TaskList list = tasks.tasks().block(Duration.ofSeconds(30));

    TaskRow shutdown =
        list.tasks().stream()
            .filter(t -> t.upid().contains(":qmshutdown:100:"))
            .findFirst()
            .orElseThrow();
    assertThat(shutdown.remote()).isEqualTo("east");
    assertThat(shutdown.node()).isEqualTo("pve1");
    assertThat(shutdown.state()).isEqualTo(TaskState.OK);
    assertThat(shutdown.commit()).contains(stopCommit);
    assertThat(shutdown.resource()).hasValueSatisfying(r -> assertThat(r).contains("web"));
    assertThat(list.failures()).isEmpty();
  }

  @Test
  void oneCollectionIsSharedForTenSecondsThenTakenAgain() {
    TaskList first = tasks.tasks().block(Duration.ofSeconds(30));

    assertThat(tasks.tasks().block(Duration.ofSeconds(30))).isSameAs(first);
    assertThat(tasks.latest()).isSameAs(first);

    clock.advance(Duration.ofSeconds(11));
    TaskList next = tasks.tasks().block(Duration.ofSeconds(30));
    assertThat(next).isNotSameAs(first);
    assertThat(next.tasks())
        .extracting(TaskRow::upid)
        .containsAll(first.tasks().stream().map(TaskRow::upid).toList());
  }

  @Test
  void aRemoteThatCannotBeAskedIsNamedAndTheOthersAreStillListed() {
    h.fleet.setDown("west", true);

    TaskList list = tasks.tasks().block(Duration.ofSeconds(30));

    assertThat(list.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.remote()).isEqualTo("west");
              // The page puts the remote's name beside the message: not twice.
              assertThat(f.message()).isNotBlank().doesNotStartWith("west: ");
            });
    assertThat(list.tasks()).anyMatch(t -> t.upid().contains(":qmshutdown:100:"));
  }
}
