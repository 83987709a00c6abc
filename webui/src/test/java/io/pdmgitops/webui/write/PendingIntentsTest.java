package io.pdmgitops.webui.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.TestDetails;
import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.api.ResourceDetail;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.server.MockWebSession;

/**
 * A committed intent stays on its guest's page as pending until the page can say what became of it:
 * the action for its commit with a link to the task, then it is forgotten after a while.
 */
class PendingIntentsTest {
  static final ResourceDetail GUEST = TestDetails.guest(TestFleet.of(1));
  static final String OTHER_SHA = "f".repeat(40);

  /** The test guest with no action yet and its declaration at {@code commit}. */
  static ResourceDetail waiting(String commit) {
    ResourceDetail.Declaration d = GUEST.declaration().orElseThrow();
    return new ResourceDetail(
        GUEST.resource(),
        java.util.Optional.of(
            new ResourceDetail.Declaration(
                d.kind(),
                d.name(),
                commit,
                d.file(),
                d.line(),
                d.firstLine(),
                d.lastLine(),
                d.yaml(),
                d.unread())),
        GUEST.verdict(),
        GUEST.next(),
        GUEST.observed(),
        List.of());
  }

  @Test
  void pendingUntilTheActionOfItsCommitThenLinkedToItsTaskThenForgotten() {
    MockWebSession session = new MockWebSession();
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    PendingIntents.add(session, "east", 100, TestDetails.SHA, "Shut down east-vm-100");

    assertThat(PendingIntents.of(session, waiting(OTHER_SHA), now))
        .hasValueSatisfying(
            v -> {
              assertThat(v.state()).isEqualTo("pending");
              assertThat(v.text()).contains("waiting for the controller to fetch it");
            });
    assertThat(PendingIntents.of(session, waiting(TestDetails.SHA), now))
        .hasValueSatisfying(v -> assertThat(v.text()).contains("in force, waiting"));

    assertThat(PendingIntents.of(session, GUEST, now))
        .hasValueSatisfying(
            v -> {
              assertThat(v.state()).isEqualTo("done");
              assertThat(v.text()).contains("the controller sent SHUTDOWN, finished (OK)");
              assertThat(v.task()).contains("/tasks/east/" + TestDetails.UPID_OURS);
            });
    // Still there at the next redraw, gone once it has been shown for a while.
    assertThat(PendingIntents.of(session, GUEST, now.plusSeconds(30))).isPresent();
    assertThat(PendingIntents.of(session, GUEST, now.plus(PendingIntents.SHOWN).plusSeconds(1)))
        .isEmpty();
    assertThat(PendingIntents.of(session, GUEST, now)).isEmpty();
  }

  @Test
  void anotherGuestsPageSaysNothingAndTheSessionKeepsABoundedNumber() {
    MockWebSession session = new MockWebSession();
    for (int vmid = 200; vmid < 200 + PendingIntents.MAX + 5; vmid++) {
      PendingIntents.add(session, "east", vmid, TestDetails.SHA, "Reboot " + vmid);
    }

    assertThat(PendingIntents.of(session, GUEST, Instant.now())).isEmpty();
    assertThat((java.util.Map<?, ?>) session.getAttribute(PendingIntents.ATTRIBUTE))
        .hasSize(PendingIntents.MAX);
  }
}
