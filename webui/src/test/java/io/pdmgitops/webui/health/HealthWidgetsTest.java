package io.pdmgitops.webui.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.Severity;
import io.pdmgitops.webui.TestFleet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A view's health widgets count only what the view shows. */
class HealthWidgetsTest {
  /** west and its node west-1 and its guests, without east. */
  static final List<FleetResource> WEST =
      TestFleet.of(3).resources().stream().filter(r -> r.remote().equals("west")).toList();

  static OverviewRow node(String remote, String node, String field, String value) {
    return OverviewRow.ofNode(remote, node, Map.of("node", node, field, value));
  }

  static OverviewTable table(String name, List<OverviewRow> rows) {
    return new OverviewTable(name, name, List.of("node", "status"), rows, List.of());
  }

  @Test
  void subscriptionsCountTheViewsNodesByStateAndSayWhichAreUnread() {
    OverviewTable subs =
        table(
            "subscriptions",
            List.of(
                node("west", "west-1", "status", "expired"),
                node("east", "east-1", "status", "active")));

    HealthWidgets.Subscriptions d = HealthWidgets.subscriptions(WEST, Optional.of(subs));

    assertThat(d.byState()).containsExactly(Map.entry("expired", 1));
    assertThat(d.unread()).isZero();
    assertThat(HealthWidgets.subscriptions(WEST, Optional.empty()).unread()).isOne();
  }

  @Test
  void sdnCountsZonesOnTheViewsNodesAndFlagsEditsNotApplied() {
    OverviewTable sdn =
        table(
            "sdn",
            List.of(
                node("west", "west-1", "state", "error"),
                node("east", "east-1", "state", "available"),
                OverviewRow.ofRemote("west", Map.of("state", "changed (mtu → 1400)"))));

    HealthWidgets.Sdn d = HealthWidgets.sdn(WEST, Optional.of(sdn));

    assertThat(d.byState()).containsExactly(Map.entry("error", 1));
    assertThat(d.editsPending()).isTrue();
  }

  @Test
  void findingsCountOnlyWhatTheViewShows() {
    int guest = WEST.stream().flatMap(r -> r.vmid().stream()).findFirst().orElseThrow();
    HealthReport report =
        new HealthReport(
            List.of(
                new Finding("a", Severity.CRITICAL, "west", Optional.empty(), "w", "f"),
                new Finding("b", Severity.WARNING, "west", Optional.of("west-1"), "w", "f"),
                new Finding("c", Severity.WARNING, "west", Optional.of("west-9"), "w", "f"),
                new Finding(
                    "d", Severity.INFO, "west", Optional.empty(), "w", "f", Optional.of(guest)),
                new Finding("e", Severity.CRITICAL, "east", Optional.empty(), "w", "f")),
            List.of());

    assertThat(HealthWidgets.findings(WEST, report).counts())
        .containsEntry(Severity.CRITICAL, 1L)
        .containsEntry(Severity.WARNING, 1L)
        .containsEntry(Severity.INFO, 1L);
  }
}
