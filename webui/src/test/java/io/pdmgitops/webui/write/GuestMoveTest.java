package io.pdmgitops.webui.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The "Move to..." form as a placement: what it writes, and what it refuses before Git. */
class GuestMoveTest {
  static MultiValueMap<String, String> form(Map<String, String> fields) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return form;
  }

  @Test
  void aNodeOfTheOwnClusterIsANodeOnlyPlacement() {
    GuestMove move =
        GuestMove.from(
            form(Map.of("remote", "dc-east", "node", "pve-east-2", "online", "on")), "dc-east");

    assertThat(move.placement())
        .containsExactly(Map.entry("node", "pve-east-2"), Map.entry("online", true));
    assertThat(move.target()).isEqualTo("pve-east-2");
  }

  @Test
  void anotherRemoteCarriesItsMapsAndVmid() {
    GuestMove move =
        GuestMove.from(
            form(
                Map.of(
                    "remote", "dc-west",
                    "node", "pve-west-1",
                    "targetVmid", "2100",
                    "storageMap", "local-lvm=ceph, *=local",
                    "bridgeMap", "*=vmbr1")),
            "dc-east");

    assertThat(move.placement())
        .containsEntry("remote", "dc-west")
        .containsEntry("targetVmid", 2100)
        .containsEntry("online", false)
        .containsEntry(
            "storageMap", new java.util.TreeMap<>(Map.of("local-lvm", "ceph", "*", "local")));
    assertThat(move.target()).isEqualTo("dc-west/pve-west-1");
  }

  @Test
  void badFieldsAreRefusedWithWhatToWrite() {
    assertThatThrownBy(() -> GuestMove.from(form(Map.of("node", "")), "dc-east"))
        .hasMessageContaining("Name the target node");
    assertThatThrownBy(
            () -> GuestMove.from(form(Map.of("remote", "dc-west", "node", "a1")), "dc-east"))
        .hasMessageContaining("needs a storage map and a bridge map");
    assertThatThrownBy(
            () ->
                GuestMove.from(
                    form(Map.of("node", "a1", "storageMap", "local-lvm:ceph")), "dc-east"))
        .hasMessageContaining("SOURCE=TARGET");
    assertThatThrownBy(
            () -> GuestMove.from(form(Map.of("node", "a1", "targetVmid", "12")), "dc-east"))
        .hasMessageContaining("100 to 999999999");
  }
}
