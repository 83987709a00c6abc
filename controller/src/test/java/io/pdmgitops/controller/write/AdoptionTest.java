package io.pdmgitops.controller.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPower;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An adopted guest's document: valid, named safely, and declaring the guest as it is. */
class AdoptionTest {
  static final Path DEMO = Path.of("../examples/demo-repo");

  static GuestObservation observed(String name, int vmid, ObservedPower power) {
    return new GuestObservation(
        vmid,
        GuestType.QEMU,
        name,
        "pve-east-1",
        power,
        false,
        Optional.empty(),
        Duration.ofHours(1),
        List.of(),
        Optional.empty());
  }

  static DesiredState demo() {
    return new DesiredStateLoader().load(DEMO).state().orElseThrow();
  }

  @Test
  void aNameWithSpacesAndATakenNameBecomeValidDocumentNames() {
    DesiredState state = demo();
    assertThat(
            Adoption.documentName(
                observed("Build Box #2", 301, ObservedPower.RUNNING), "dc-east", state))
        .isEqualTo("Build-Box--2");
    assertThat(
            Adoption.documentName(observed("dns-01", 301, ObservedPower.RUNNING), "dc-east", state))
        .as("Guest/dns-01 is declared already")
        .isEqualTo("dns-01-301");
    assertThat(Adoption.documentName(observed("x", 302, ObservedPower.RUNNING), "dc-east", state))
        .isEqualTo("dc-east-302");
  }

  @Test
  void theDocumentLoadsBesideTheRepositoryAndDeclaresThePowerAsItIs(@TempDir Path dir)
      throws Exception {
    io.pdmgitops.controller.TestFiles.copyTree(DEMO, dir);
    GuestObservation paused = observed("odd \"name\"", 310, ObservedPower.PAUSED);
    Files.writeString(
        dir.resolve("guests/adopted.yaml"),
        Adoption.document(observed("Build Box", 309, ObservedPower.STOPPED), "dc-east", "build-box")
            + "---\n"
            + Adoption.document(paused, "dc-east", "odd-name"));

    LoadResult loaded = new DesiredStateLoader().load(dir);

    assertThat(loaded.problems()).noneMatch(p -> p.isError());
    var state = loaded.state().orElseThrow();
    assertThat(state.guest("build-box").orElseThrow().spec().power())
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("STOPPED"));
    assertThat(state.guest("odd-name").orElseThrow().spec().name()).isEqualTo("odd \"name\"");
    assertThat(state.guest("odd-name").orElseThrow().spec().power()).isEmpty();
  }
}
