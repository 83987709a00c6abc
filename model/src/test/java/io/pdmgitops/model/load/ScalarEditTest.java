package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.desired.Kind;
import org.junit.jupiter.api.Test;

class ScalarEditTest {
  static final String BLOCK =
      """
      # Guests of the east site.
      apiVersion: pdm-gitops/v1
      kind: Guest
      metadata:
        name: web
      spec:
        remote: dc-east   # the cluster
        vmid: 100
        type: qemu
        name: web
        power: running  # keep it up
      ---
      apiVersion: pdm-gitops/v1
      kind: Guest
      metadata: {name: db}
      spec: {remote: dc-east, vmid: 101, type: qemu, name: db, power: "running"}
      """;

  @Test
  void aFieldThatIsThereChangesInPlaceAndNothingElseMoves() {
    String edited = ScalarEdit.set("g.yaml", BLOCK, Kind.GUEST, "web", "/spec/power", "stopped");

    assertThat(edited)
        .isEqualTo(BLOCK.replace("power: running  # keep it up", "power: stopped  # keep it up"));
    assertThat(ScalarEdit.set("g.yaml", BLOCK, Kind.GUEST, "db", "/spec/power", "stopped"))
        .isEqualTo(BLOCK.replace("power: \"running\"}", "power: stopped}"));
  }

  @Test
  void aFieldThatIsNotThereIsAddedInTheMappingsStyle() {
    String block =
        ScalarEdit.set(
            "g.yaml", BLOCK, Kind.GUEST, "web", "/spec/restartedAt", "2026-12-03T10:00:00Z");
    String flow =
        ScalarEdit.set(
            "g.yaml", BLOCK, Kind.GUEST, "db", "/spec/restartedAt", "2026-12-03T10:00:00Z");

    assertThat(block)
        .contains(
            "spec:\n  restartedAt: \"2026-12-03T10:00:00Z\"\n  remote: dc-east   # the cluster\n");
    assertThat(flow)
        .contains("spec: {restartedAt: \"2026-12-03T10:00:00Z\", remote: dc-east, vmid: 101");
  }

  @Test
  void theEditedTextLoadsWithTheNewValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String edited = ScalarEdit.set("g.yaml", BLOCK, Kind.GUEST, "web", "/spec/power", "stopped");
    edited =
        ScalarEdit.set(
            "g.yaml", edited, Kind.GUEST, "db", "/spec/restartedAt", "2026-12-03T10:00:00Z");
    java.nio.file.Files.writeString(dir.resolve("g.yaml"), edited);
    java.nio.file.Files.writeString(
        dir.resolve("r.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: dc-east}
        spec:
          type: pve
          endpoints: [{url: "https://east.example:8006"}]
          token: {id: "pdm-gitops@pve!controller", secret: {env: EAST_TOKEN}}
        """);

    var state = new DesiredStateLoader().load(dir).state().orElseThrow();

    assertThat(state.guest("web").orElseThrow().spec().power().orElseThrow().wire())
        .isEqualTo("stopped");
    assertThat(state.guest("db").orElseThrow().spec().restartedAt()).isPresent();
  }

  @Test
  void anUnknownDocumentIsSaidSo() {
    assertThatThrownBy(
            () -> ScalarEdit.set("g.yaml", BLOCK, Kind.GUEST, "nope", "/spec/power", "stopped"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no Guest/nope in g.yaml");
  }

  @Test
  void aFieldSetOnlyWherePresentLeavesOtherDocumentsAsTheyAre() {
    assertThat(
            ScalarEdit.setIfPresent(
                "g.yaml", BLOCK, Kind.GUEST, "web", "/spec/stopMethod", "shutdown"))
        .isEqualTo(BLOCK);
    String hard = ScalarEdit.set("g.yaml", BLOCK, Kind.GUEST, "web", "/spec/stopMethod", "stop");
    assertThat(hard).contains("  stopMethod: stop\n  remote: dc-east");
    assertThat(
            ScalarEdit.setIfPresent(
                "g.yaml", hard, Kind.GUEST, "web", "/spec/stopMethod", "shutdown"))
        .isEqualTo(
            BLOCK.replace(
                "  remote: dc-east   #", "  stopMethod: shutdown\n  remote: dc-east   #"));
  }

  static java.util.Map<String, Object> placement() {
    java.util.Map<String, Object> placement = new java.util.LinkedHashMap<>();
    placement.put("node", "pve-west-1");
    placement.put("remote", "dc-west");
    placement.put("storageMap", java.util.Map.of("*", "ceph"));
    placement.put("online", true);
    return placement;
  }

  @Test
  void aMappingIsWrittenAsOneFlowLineWhereItWasOrInFrontOfTheFirstField(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String added =
        ScalarEdit.setMapping("g.yaml", BLOCK, Kind.GUEST, "web", "/spec/placement", placement());

    assertThat(added)
        .isEqualTo(
            BLOCK.replace(
                "  remote: dc-east   # the cluster",
                "  placement: {node: pve-west-1, remote: dc-west, storageMap: {\"*\": ceph},"
                    + " online: true}\n  remote: dc-east   # the cluster"));
    String flowAdded =
        ScalarEdit.setMapping(
            "g.yaml", BLOCK, Kind.GUEST, "db", "/spec/placement", java.util.Map.of("node", "b"));
    assertThat(flowAdded).contains("spec: {placement: {node: b}, remote: dc-east");

    String block =
        BLOCK.replace(
            "  power: running  # keep it up",
            "  power: running  # keep it up\n  placement:\n    node: pve-east-2\n    online: false");
    String replaced =
        ScalarEdit.setMapping(
            "g.yaml", block, Kind.GUEST, "web", "/spec/placement", java.util.Map.of("node", "x"));
    assertThat(replaced)
        .isEqualTo(
            BLOCK.replace(
                "  power: running  # keep it up",
                "  power: running  # keep it up\n  placement: {node: x}"));
    assertThat(new DesiredStateLoader().load(write(dir, replaced)).isValid()).isTrue();
  }

  private static java.nio.file.Path write(java.nio.file.Path dir, String text) {
    try {
      java.nio.file.Files.writeString(dir.resolve("g.yaml"), text);
      java.nio.file.Files.writeString(
          dir.resolve("r.yaml"),
          "apiVersion: pdm-gitops/v1\nkind: Remote\nmetadata: {name: dc-east}\nspec:\n  type: pve\n"
              + "  endpoints: [{url: \"https://a.example:8006\", fingerprint: \""
              + "00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00\"}]\n"
              + "  token: {id: \"a@pve!b\", secret: {env: X}}\n");
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
