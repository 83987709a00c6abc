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
}
