package io.pdmgitops.model.backupjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which jobs back a guest up, as vzdump selects: one row per rule. */
class BackupCoverageTest {
  static final GuestObservation WEB =
      new GuestObservation(
          100,
          GuestType.QEMU,
          "web",
          "pve1",
          ObservedPower.RUNNING,
          false,
          Optional.empty(),
          Duration.ZERO,
          List.of(),
          Optional.of("production"));

  /** {@code key=value;key=value} as a job's parameters. */
  static ObservedBackupJobs.Job job(String parameters) {
    Map<String, String> p = new java.util.HashMap<>();
    for (String kv : parameters.split(";")) {
      if (!kv.isBlank()) {
        String[] parts = kv.split("=", 2);
        p.put(parts[0], parts[1]);
      }
    }
    return new ObservedBackupJobs.Job("j", p);
  }

  @ParameterizedTest(name = "{0} -> selects {1}, covered {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "all=1|true|true",
        "all=1;exclude=100|false|false",
        "all=1;exclude=101,102|true|true",
        "all=1;node=pve2|false|false",
        "all=1;node=pve1|true|true",
        "vmid=100,101|true|true",
        "vmid=101|false|false",
        "pool=production|true|true",
        "pool=ci|false|false",
        "all=1;enabled=0|true|false"
      })
  void selection(String parameters, boolean selects, boolean covered) {
    List<ObservedBackupJobs.Job> selecting =
        BackupCoverage.of(new ObservedBackupJobs(List.of(job(parameters))), WEB);

    assertThat(selecting.isEmpty()).isEqualTo(!selects);
    assertThat(BackupCoverage.covered(selecting)).isEqualTo(covered);
  }
}
