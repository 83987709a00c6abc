package io.pdmgitops.model.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.GuestType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A backup server's datastores, jobs and snapshots; a declared guest's newest backup. */
class BackupRulesTest {
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  static BackupServerHealth store(long total, long used, Long fullInDays, String error) {
    return new BackupServerHealth(
        List.of(
            new BackupServerHealth.DatastoreHealth(
                "store1",
                Optional.of(total),
                Optional.of(used),
                Optional.ofNullable(fullInDays).map(d -> NOW.plus(Duration.ofDays(d))),
                Optional.ofNullable(error))),
        List.of(),
        List.of());
  }

  @ParameterizedTest(name = "{1}/{0} used, full in {2} days, error {3}: {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "100, 50, -, -, -",
        "100, 50, 60, -, -",
        "100, 50, 30, -, datastore-full-soon WARNING",
        "100, 50, 7, -, datastore-full-soon CRITICAL",
        "100, 90, -, -, datastore-nearly-full WARNING",
        "100, 89, -, -, -",
        "100, 50, 3, maintenance mode: offline, datastore-unavailable CRITICAL",
      })
  void eachStateOfADatastore(long total, long used, Long days, String error, String expected) {
    List<Finding> found = BackupRules.server("pbs", store(total, used, days, error), NOW);

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
                assertThat(f.remote()).isEqualTo("pbs");
                assertThat(f.why()).contains("store1");
              });
    }
  }

  @ParameterizedTest(name = "last run {0}: failed {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "OK, false",
        "WARNINGS: 2, false",
        "unknown, false",
        "-, false",
        "unable to acquire lock on snapshot directory, true",
      })
  void aJobFailedWhenItsLastRunSaysAnError(String state, boolean failed) {
    BackupServerHealth h =
        new BackupServerHealth(
            List.of(),
            List.of(
                new BackupServerHealth.JobRun(
                    "prune", "p-store1", "store1", Optional.ofNullable(state), Optional.empty())),
            List.of());

    assertThat(BackupRules.server("pbs", h, NOW))
        .extracting(Finding::rule)
        .isEqualTo(failed ? List.of("backup-job-failed") : List.of());
  }

  static BackupServerHealth.GroupBackup group(
      String ns, String type, String id, String when, String verify) {
    return new BackupServerHealth.GroupBackup(
        "store1", ns, type, id, Instant.parse(when), 3, Optional.ofNullable(verify));
  }

  @Test
  void aNewestSnapshotThatFailedVerificationIsCritical() {
    BackupServerHealth h =
        new BackupServerHealth(
            List.of(),
            List.of(),
            List.of(
                group("", "vm", "100", "2026-12-03T01:00:00Z", "failed"),
                group("", "vm", "101", "2026-12-03T01:00:00Z", "ok"),
                group("", "vm", "102", "2026-12-03T01:00:00Z", null)));

    assertThat(BackupRules.server("pbs", h, NOW))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("backup-verify-failed");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.why()).contains("store1/vm/100");
            });
  }

  static DeclaredBackup guest(String remote, int vmid, GuestType type, Duration limit) {
    return new DeclaredBackup(remote, vmid, type, "web", Optional.of(limit), "view production");
  }

  @ParameterizedTest(name = "newest {0} with limit {1}: missing {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-12-02T13:00:00Z, 48h, false",
        "2026-12-01T11:00:00Z, 48h, true",
        "2026-12-02T13:00:00Z, 12h, true",
        "-, 48h, true",
        "-, none, false",
      })
  void aDeclaredGuestWithoutABackupWithinItsLimitIsMissing(
      String newest, String limit, boolean missing) {
    Map<String, BackupServerHealth> servers =
        Map.of(
            "pbs",
            new BackupServerHealth(
                List.of(),
                List.of(),
                newest == null ? List.of() : List.of(group("", "vm", "100", newest, "ok"))));

    List<Finding> found =
        BackupRules.missing(
            List.of(
                new DeclaredBackup(
                    "east", 100, GuestType.QEMU, "web", BackupAge.limit(limit), "view production")),
            servers,
            NOW);

    if (!missing) {
      assertThat(found).isEmpty();
      return;
    }
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("backup-missing");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.remote()).isEqualTo("east");
              assertThat(f.guest()).contains(100);
              assertThat(f.path().toString()).isEqualTo("/remotes/east/guests/100");
              assertThat(f.why()).contains(limit + " (view production)");
            });
  }

  @Test
  void aGuestIsMatchedByTypeAndVmidPreferringTheNamespaceOfItsRemote() {
    Map<String, BackupServerHealth> servers =
        Map.of(
            "pbs",
            new BackupServerHealth(
                List.of(),
                List.of(),
                List.of(
                    group("", "vm", "100", "2026-12-03T10:00:00Z", "ok"),
                    group("east", "vm", "100", "2026-12-03T02:00:00Z", "ok"),
                    group("", "ct", "101", "2026-12-03T10:00:00Z", "ok"))));

    assertThat(BackupRules.newest(guest("east", 100, GuestType.QEMU, Duration.ZERO), servers))
        .hasValueSatisfying(l -> assertThat(l.backup().namespace()).isEqualTo("east"));
    assertThat(BackupRules.newest(guest("west", 100, GuestType.QEMU, Duration.ZERO), servers))
        .as("no namespace of its own: the newest anywhere")
        .hasValueSatisfying(l -> assertThat(l.backup().namespace()).isEmpty());
    assertThat(BackupRules.newest(guest("east", 101, GuestType.QEMU, Duration.ZERO), servers))
        .as("ct/101 is no VM's backup")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"48h, PT48H", "7d, PT168H", "1h, PT1H"})
  void limitsAreWrittenInHoursOrDays(String text, Duration expected) {
    assertThat(BackupAge.parse(text)).isEqualTo(expected);
  }
}
