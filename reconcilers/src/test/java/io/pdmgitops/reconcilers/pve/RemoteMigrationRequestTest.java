package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.reconcilers.api.ApiToken;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteMigrationRequestTest {
  @Test
  void buildsPvesPropertyStringAndIdMaps() {
    var request =
        new RemoteMigrationRequest(
            "10.0.0.5",
            8006,
            new ApiToken("mig@pve!mig", "s3cret"),
            "AA:BB",
            Map.of("local-lvm", "zfs", "*", "ceph"),
            Map.of("*", "vmbr1"),
            Optional.of(250),
            true,
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
        .doesNotContainKey("delete");
    assertThat(request.toString()).doesNotContain("s3cret");
  }
}
