package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.fleet.SearchSyntaxException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Health page's search in PDM's syntax. */
class FindingQueryTest {
  static final List<Finding> FINDINGS =
      List.of(
          new Finding(
              "backup-missing",
              Severity.CRITICAL,
              "dc-east",
              Optional.empty(),
              "web-01 (100) has no backup",
              "back it up",
              Optional.of(100)),
          new Finding(
              "backup-missing",
              Severity.CRITICAL,
              "dc-west",
              Optional.empty(),
              "west-batch (211) has no backup",
              "back it up",
              Optional.of(211)),
          new Finding(
              "subscription-none",
              Severity.WARNING,
              "dc-west",
              Optional.of("pve-west-1"),
              "pve-west-1 has no subscription key",
              "add a key"),
          new Finding(
              "reboot-required",
              Severity.WARNING,
              "dc-east",
              Optional.of("pve-east-2"),
              "pve-east-2 runs kernel 6.8.8-2-pve",
              "reboot it"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | backup-missing/dc-east, backup-missing/dc-west, subscription-none/dc-west, reboot-required/dc-east",
        "+finding:backup-missing remote:dc-east | backup-missing/dc-east",
        "+finding:backup-missing | backup-missing/dc-east, backup-missing/dc-west",
        "finding:subscription finding:reboot | subscription-none/dc-west, reboot-required/dc-east",
        "+severity:warning +node:pve-east | reboot-required/dc-east",
        "guest:211 | backup-missing/dc-west",
        "kernel | reboot-required/dc-east",
        "+remote:dc-west +KEY | subscription-none/dc-west",
      })
  void requiredAndOptionalTermsCombineAsInPdm(String q, String expected) {
    FindingQuery query = FindingQuery.parse(q);

    assertThat(FINDINGS.stream().filter(query::matches).map(f -> f.rule() + "/" + f.remote()))
        .containsExactly(expected.split(", "));
  }

  @Test
  void badSearchesSayWhereAndHowToWriteThem() {
    assertThatThrownBy(() -> FindingQuery.parse("remote:dc-east colour:red"))
        .isInstanceOf(SearchSyntaxException.class)
        .hasMessage(
            "unknown category 'colour' at column 16; use one of: finding, severity, remote,"
                + " node, guest");
    assertThatThrownBy(() -> FindingQuery.parse("severity:urgent"))
        .hasMessageContaining("takes critical, warning or info");
    assertThatThrownBy(() -> FindingQuery.parse("guest:web")).hasMessageContaining("a VMID");
    assertThatThrownBy(() -> FindingQuery.parse("+")).hasMessageContaining("needs a term");
    assertThatThrownBy(() -> FindingQuery.parse("finding:")).hasMessageContaining("needs a value");
  }
}
