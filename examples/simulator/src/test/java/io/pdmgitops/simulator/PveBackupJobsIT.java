package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FleetConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /cluster/backup} as pve-manager's {@code PVE/API2/Backup.pm} (commit 138cae89) serves it:
 * the shapes a list gives, and what it refuses, with PVE's status codes and texts.
 */
class PveBackupJobsIT {
  static final String FLEET =
      """
      clusters:
        - name: lab
          certificate: sim-4
          nodes: [{name: pve1}]
          tokens:
            - {id: ctl@pve!ctl, secret: ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";

  SimulatedFleet fleet;
  PveHttp lab;

  @BeforeEach
  void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    lab = new PveHttp(fleet.endpoints("lab").get(0));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  Reply call(String method, String path, String form) {
    return lab.call(method, path, ADMIN, form);
  }

  @Test
  void aCreatedJobIsListedWithFlagsAsNumbersAndRetentionAsAnObject() {
    Reply created =
        call(
            "POST",
            "/cluster/backup",
            "id=nightly&schedule=21%3A30&storage=local&all=1&exclude=101"
                + "&prune-backups=keep-last%3D3%2Ckeep-daily%3D7");

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("data").isNull()).as("create answers null").isTrue();
    var job = call("GET", "/cluster/backup", "").json().get("data").get(0);
    assertThat(job.get("id").asString()).isEqualTo("nightly");
    assertThat(job.get("type").asString()).isEqualTo("vzdump");
    assertThat(job.get("enabled").isNumber()).isTrue();
    assertThat(job.get("enabled").asInt()).isEqualTo(1);
    assertThat(job.get("all").asInt()).isEqualTo(1);
    assertThat(job.get("prune-backups").get("keep-last").asInt()).isEqualTo(3);
    assertThat(job.get("schedule").asString()).isEqualTo("21:30");
  }

  @Test
  void schemaErrorsAre400sNamingTheParameter() {
    Reply reply =
        call("POST", "/cluster/backup", "id=1x&schedule=every%20night&storage=local-&compress=lz4");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error("compress"))
        .isEqualTo("value 'lz4' does not have a value in the enumeration '0, 1, gzip, lzo, zstd'");
    assertThat(reply.error("storage")).contains("illegal characters");
    assertThat(
            call("POST", "/cluster/backup", "id=1x&schedule=daily&storage=local&all=1").error("id"))
        .isEqualTo("invalid format - invalid configuration ID '1x'\n");
    assertThat(
            call("POST", "/cluster/backup", "id=a1&schedule=every%20night&storage=local&all=1")
                .error("schedule"))
        .startsWith(
            "invalid format - invalid calendar event 'every night' - unable to parse calendar event");
    assertThat(call("POST", "/cluster/backup", "id=a1&storage=local&all=1").error("schedule"))
        .isEqualTo("neither 'starttime' nor 'schedule' were set");
  }

  @Test
  void selectionConflictsAndDuplicatesAreRefusedAsPveDoes() {
    assertThat(
            call("POST", "/cluster/backup", "id=a1&schedule=daily&storage=local&all=1&vmid=100")
                .error("all"))
        .isEqualTo("option conflicts with option 'vmid'");
    assertThat(call("POST", "/cluster/backup", "id=a1&schedule=daily&storage=local").error("vmid"))
        .isEqualTo("property is missing");
    call("POST", "/cluster/backup", "id=a1&schedule=daily&storage=local&vmid=100");

    Reply twice = call("POST", "/cluster/backup", "id=a1&schedule=daily&storage=local&vmid=100");

    assertThat(twice.status()).isEqualTo(500);
    assertThat(twice.reason())
        .isEqualTo("error during cfs-locked 'file-jobs_cfg' operation: Job 'a1' already exists");
  }

  @Test
  void updatesDeletionsAndUnknownIds() {
    call("POST", "/cluster/backup", "id=a1&schedule=daily&storage=local&all=1&exclude=101");

    assertThat(call("PUT", "/cluster/backup/a1", "vmid=100").status()).isEqualTo(200);
    assertThat(fleet.cluster("lab").backupJobs().get("a1"))
        .as("setting vmid clears all and exclude, as the handler does")
        .containsEntry("vmid", "100")
        .doesNotContainKeys("all", "exclude");
    assertThat(call("PUT", "/cluster/backup/a1", "delete=comment&schedule=sun%2001%3A00").status())
        .isEqualTo(200);
    assertThat(call("PUT", "/cluster/backup/nope", "schedule=daily").reason())
        .endsWith("no such vzdump job");
    assertThat(call("PUT", "/cluster/backup/a1", "").reason()).endsWith("no options specified");
    assertThat(call("DELETE", "/cluster/backup/nope", "").error("id"))
        .isEqualTo("No such job 'nope'");
    assertThat(call("DELETE", "/cluster/backup/a1", "").status()).isEqualTo(200);
    assertThat(fleet.cluster("lab").backupJobs()).isEmpty();
  }

  @Test
  void readingNeedsSysAuditAndChangingSysModify() {
    assertThat(lab.call("GET", "/cluster/backup", AUDIT, "").status()).isEqualTo(200);

    Reply refused =
        lab.call("POST", "/cluster/backup", AUDIT, "id=a1&schedule=daily&storage=local&all=1");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.reason()).contains("Sys.Modify");
    assertThat(fleet.cluster("lab").backupJobs()).isEmpty();
  }
}
