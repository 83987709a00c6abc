package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each subscription state of a node, and a cluster's nodes together. */
class SubscriptionRulesTest {
  static final LocalDate TODAY = LocalDate.parse("2026-12-03");

  static NodeSubscription node(String name, String status, String level, String due) {
    return new NodeSubscription(
        name, status, Optional.ofNullable(level), Optional.ofNullable(due).map(LocalDate::parse));
  }

  @ParameterizedTest(name = "{0} {1} due {2}: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "active, c, 2027-06-30, -, -",
        "active, c, -, -, -",
        "active, c, 2027-01-02, subscription-due, INFO",
        "active, c, 2026-12-10, subscription-due, INFO",
        "Active, s, 2027-06-30, -, -",
        "notfound, -, -, subscription-none, WARNING",
        "NotFound, -, -, subscription-none, WARNING",
        "expired, -, 2026-11-01, subscription-expired, CRITICAL",
        "invalid, -, -, subscription-invalid, CRITICAL",
        "suspended, -, -, subscription-suspended, CRITICAL",
        "new, -, -, subscription-unchecked, INFO",
      })
  void eachStateOfOneNode(String status, String level, String due, String rule, Severity severity) {
    List<Finding> found =
        SubscriptionRules.findings("east", List.of(node("pve1", status, level, due)), TODAY);

    if (rule == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo(rule);
                assertThat(f.severity()).isEqualTo(severity);
                assertThat(f.node()).contains("pve1");
                assertThat(f.path().toString()).isEqualTo("/remotes/east/nodes/pve1");
                assertThat(f.why()).contains("pve1");
                assertThat(f.fix()).isNotBlank();
              });
    }
  }

  @Test
  void nodesOfOneClusterOnDifferentLevelsAreOneFindingOnTheRemote() {
    List<Finding> found =
        SubscriptionRules.findings(
            "east",
            List.of(
                node("pve1", "active", "c", "2027-06-30"),
                node("pve2", "active", "b", "2027-06-30"),
                node("pve3", "active", "c", "2027-06-30")),
            TODAY);

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("subscription-mixed");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.node()).isEmpty();
              assertThat(f.path().toString()).isEqualTo("/remotes/east");
              assertThat(f.why())
                  .isEqualTo(
                      "the nodes of east have different subscriptions: pve1 Community, pve2"
                          + " Basic, pve3 Community");
            });
  }

  @Test
  void aNodeWithoutAKeyBesideActiveOnesIsBothMissingAndMixed() {
    List<Finding> found =
        SubscriptionRules.findings(
            "east",
            List.of(
                node("pve1", "active", "s", "2027-06-30"), node("pve2", "notfound", null, null)),
            TODAY);

    assertThat(found)
        .extracting(Finding::rule)
        .containsExactly("subscription-none", "subscription-mixed");
  }

  @Test
  void aClusterWhereEveryNodeHasNoKeyIsNotMixed() {
    assertThat(
            SubscriptionRules.findings(
                "west",
                List.of(node("w1", "notfound", null, null), node("w2", "notfound", null, null)),
                TODAY))
        .extracting(Finding::rule)
        .containsExactly("subscription-none", "subscription-none");
  }
}
