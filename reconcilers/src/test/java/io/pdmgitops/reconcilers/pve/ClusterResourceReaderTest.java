package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.reconcilers.api.LenientJson;
import org.junit.jupiter.api.Test;

class ClusterResourceReaderTest {
  @Test
  void readsARecordedGuestRow() {
    ClusterResource r =
        LenientJson.MAPPER.readValue(
            "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"node\":\"node2\",\"vmid\":100,\"name\":\"server1\","
                + "\"status\":\"running\",\"template\":0,\"maxcpu\":1,\"cpu\":0.0249,\"maxmem\":1073741824,"
                + "\"mem\":842551296,\"maxdisk\":34359738368,\"disk\":0,\"uptime\":874350,"
                + "\"netin\":2456116121,\"netout\":545248946,\"diskread\":4510777856,\"diskwrite\":6059209728}",
            ClusterResource.class);

    assertThat(r.vmid()).contains(100);
    assertThat(r.template()).contains(false);
    assertThat(r.cpu()).contains(0.0249);
    assertThat(r.maxdisk()).contains(34359738368L);
    assertThat(r.tags()).isEmpty();
    assertThat(r.lock()).isEmpty();
  }

  @Test
  void readsOldStringNumbersAndSkipsNullsAndNewFields() {
    ClusterResource r =
        LenientJson.MAPPER.readValue(
            "{\"id\":\"lxc/101\",\"type\":\"lxc\",\"vmid\":\"101\",\"template\":\"1\",\"shared\":true,"
                + "\"lock\":null,\"pressure\":{\"cpu\":[1,2]},\"memhost\":123,\"pool\":{\"odd\":[1]},"
                + "\"tags\":\"a;b\"}",
            ClusterResource.class);

    assertThat(r.vmid()).contains(101);
    assertThat(r.template()).contains(true);
    assertThat(r.shared()).contains(true);
    assertThat(r.lock()).isEmpty();
    assertThat(r.tagList()).containsExactly("a", "b");
    assertThat(r.pool()).isEmpty();
  }
}
