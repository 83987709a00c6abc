package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A node's sources with its subscription, judged as PVE's Repositories panel judges them. */
class RepositoryRulesTest {
  static final NodeRepositories.Repository DEBIAN =
      new NodeRepositories.Repository(
          "/etc/apt/sources.list",
          List.of("http://deb.debian.org/debian"),
          List.of("bookworm", "bookworm-updates"),
          List.of("main"),
          true);
  static final NodeRepositories.Repository SECURITY =
      new NodeRepositories.Repository(
          "/etc/apt/sources.list",
          List.of("http://security.debian.org/debian-security"),
          List.of("bookworm-security"),
          List.of("main"),
          true);

  /**
   * @param enabled the standard repositories enabled, '+' between them
   * @param subscription the node's status, '-' for unknown
   * @param extra none, no-security, old-suite, pre-upgrade, unreadable
   */
  @ParameterizedTest(name = "{0} with subscription {1}, {2}: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "enterprise, active, none, -",
        "enterprise, notfound, none, repository-enterprise-unsubscribed WARNING",
        // Unknown subscription (its overview not read yet): no verdict that needs it.
        "enterprise, -, none, -",
        "no-subscription, notfound, none, repository-no-subscription INFO",
        "no-subscription, active, none, repository-no-subscription WARNING",
        "enterprise+test, active, none, repository-test WARNING",
        "none, active, none, repository-none CRITICAL",
        "enterprise, active, no-security, repository-no-security WARNING",
        "enterprise, active, old-suite, repository-suite WARNING",
        "enterprise, active, pre-upgrade, repository-mixed-suites WARNING",
        "enterprise, active, unreadable, repository-unreadable CRITICAL",
      })
  void eachConfigurationOfOneNode(String enabled, String status, String extra, String expected) {
    Map<String, Boolean> standard = new HashMap<>();
    standard.put("enterprise", false);
    for (String handle : enabled.split("\\+")) {
      if (!handle.equals("none")) {
        standard.put(handle, true);
      }
    }
    List<NodeRepositories.Repository> repos = new ArrayList<>(List.of(DEBIAN));
    if (!extra.equals("no-security")) {
      repos.add(SECURITY);
    }
    List<NodeRepositories.Note> notes = new ArrayList<>();
    if (extra.equals("old-suite")) {
      notes.add(
          new NodeRepositories.Note(
              "warning", "old suite 'bullseye' configured!", Optional.of(DEBIAN)));
    }
    if (extra.equals("pre-upgrade")) {
      notes.add(
          new NodeRepositories.Note(
              "ignore-pre-upgrade-warning",
              "suite 'trixie' should not be used in production!",
              Optional.of(DEBIAN)));
    }
    List<String> errors =
        extra.equals("unreadable")
            ? List.of("/etc/apt/sources.list.d/x.list: malformed entry on line 2")
            : List.of();
    NodeRepositories node = new NodeRepositories("pve1", repos, standard, notes, errors);
    Optional<NodeSubscription> sub =
        Optional.ofNullable(status)
            .map(s -> new NodeSubscription("pve1", s, Optional.of("s"), Optional.empty()));

    List<Finding> found = RepositoryRules.findings("east", List.of(node), n -> sub);

    if (expected == null) {
      assertThat(found).isEmpty();
    } else {
      String[] e = expected.split(" ");
      assertThat(found)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.rule()).isEqualTo(e[0]);
                assertThat(f.severity()).isEqualTo(Severity.valueOf(e[1]));
                assertThat(f.node()).contains("pve1");
                assertThat(f.fix()).isNotBlank();
              });
    }
  }

  @org.junit.jupiter.api.Test
  void cephInstalledWithoutACephRepositoryGetsNoCephUpdates() {
    Map<String, Boolean> withoutCeph = Map.of("enterprise", true);
    Map<String, Boolean> withCeph = Map.of("enterprise", true, "ceph-reef-enterprise", true);
    Optional<NodeSubscription> paid =
        Optional.of(new NodeSubscription("pve1", "active", Optional.of("s"), Optional.empty()));

    for (Map<String, Boolean> standard : List.of(withoutCeph, withCeph)) {
      NodeRepositories node =
          new NodeRepositories("pve1", List.of(DEBIAN, SECURITY), standard, List.of(), List.of());
      List<Finding> found =
          RepositoryRules.findings(
              "east", List.of(node), n -> paid, n -> Optional.of("18.2.4-pve3"));
      List<Finding> noCeph =
          RepositoryRules.findings("east", List.of(node), n -> paid, n -> Optional.empty());

      assertThat(noCeph).as("Ceph not installed").isEmpty();
      if (standard == withoutCeph) {
        assertThat(found)
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.rule()).isEqualTo("repository-no-ceph");
                  assertThat(f.why()).startsWith("Ceph 18.2.4-pve3 is installed on pve1");
                });
      } else {
        assertThat(found).isEmpty();
      }
    }
  }
}
