package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.ApiToken;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteMigrationRequestTest {
  @Test
  void buildsPvesPropertyStringAndIdMaps() {
    var request =
        new RemoteMigrationRequest(
            GuestType.QEMU,
            "10.0.0.5",
            8006,
            new ApiToken("mig@pve!mig", "s3cret"),
            "AA:BB",
            Map.of("local-lvm", "zfs", "*", "ceph"),
            Map.of("*", "vmbr1"),
            Optional.of(250),
            true,
            Optional.empty(),
            false,
            Optional.empty());

    Map<String, String> form = request.form();

    assertThat(form)
        .containsEntry(
            "target-endpoint",
            "host=10.0.0.5,port=8006,apitoken=PVEAPIToken=mig@pve!mig=s3cret,fingerprint=AA:BB")
        .containsEntry("target-storage", "local-lvm:zfs,ceph")
        .containsEntry("target-bridge", "vmbr1")
        .containsEntry("target-vmid", "250")
        .containsEntry("online", "1")
        .doesNotContainKeys("delete", "restart", "timeout");
    assertThat(request.toString()).doesNotContain("s3cret");
  }

  @Test
  void aRunningContainerIsSentRestartWithItsTimeoutNeverOnline() {
    var request =
        new RemoteMigrationRequest(
            GuestType.LXC,
            "10.0.0.5",
            8006,
            new ApiToken("mig@pve!mig", "s3cret"),
            "AA:BB",
            Map.of("*", "ceph"),
            Map.of("*", "vmbr1"),
            Optional.empty(),
            true,
            Optional.of(60),
            true,
            Optional.of(1_024L));

    assertThat(request.form())
        .containsEntry("restart", "1")
        .containsEntry("timeout", "60")
        .containsEntry("delete", "1")
        .containsEntry("bwlimit", "1024")
        .doesNotContainKey("online");
  }

  @Test
  void inClusterMovesSendEachTypeItsOwnParameters() {
    assertThat(
            new MigrationRequest(GuestType.QEMU, "pve2", true, Optional.empty(), Optional.of(10L))
                .form())
        .isEqualTo(Map.of("target", "pve2", "online", "1", "bwlimit", "10"));
    assertThat(
            new MigrationRequest(GuestType.LXC, "pve2", true, Optional.of(30), Optional.empty())
                .form())
        .containsEntry("restart", "1")
        .containsEntry("timeout", "30")
        .doesNotContainKey("online");
    // A stopped guest moves as it is: neither flag, and no shutdown timeout to send.
    assertThat(
            new MigrationRequest(GuestType.LXC, "pve2", false, Optional.of(30), Optional.empty())
                .form())
        .containsOnlyKeys("target");
  }

  @Test
  void aVmHasNoRestartTimeout() {
    assertThatThrownBy(
            () ->
                new MigrationRequest(
                    GuestType.QEMU, "pve2", true, Optional.of(30), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("containers");
  }
}
