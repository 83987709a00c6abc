package io.pdmgitops.controller.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.controller.git.CommitInfo;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.webui.plan.PlanRefusedException;
import io.pdmgitops.webui.plan.PlanReport;
import io.pdmgitops.webui.plan.PlanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans of directories sent by a client, against the demo repository in force: what they report,
 * which paths they refuse before anything is written, and that nothing is left behind.
 */
class PlansTest {
  static final Path DEMO = Path.of("../examples/demo-repo");
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @TempDir Path temp;

  private Plans plans(Optional<Inventory> observed) {
    SnapshotTracker snapshots = new SnapshotTracker(new DesiredStateLoader());
    snapshots.load(new CommitInfo("a".repeat(40), "Alice", "demo", NOW), DEMO);
    return new Plans(
        snapshots,
        () -> observed,
        null,
        Rulebook.builtIn(),
        DriftPolicy.ENFORCE,
        temp.resolve("plans"));
  }

  static Map<String, String> demoFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(DEMO)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(DEMO.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void aDirectoryWithAnEditedGuestIsPlannedAndNothingIsLeftBehind() throws Exception {
    Map<String, String> files = demoFiles();
    files.put(
        "guests/dc-east.yaml",
        files
            .get("guests/dc-east.yaml")
            .replace("  name: dns-01\n  power: running", "  name: dns-01\n  power: stopped"));

    PlanReport report =
        plans(Optional.of(Inventory.of(NOW, List.of()))).plan(PlanRequest.ofFiles(files));

    assertThat(report.valid()).isTrue();
    assertThat(report.changes()).isTrue();
    assertThat(report.baseSha()).contains("a".repeat(40));
    assertThat(report.summary().changed()).isEqualTo(1);
    assertThat(report.resources())
        .filteredOn(i -> i.name().equals("dns-01"))
        .singleElement()
        .satisfies(i -> assertThat(i.change()).isEqualTo("changed"));
    // Nothing observed: the remotes say so, and no action is planned on a guest not seen.
    assertThat(report.resources())
        .filteredOn(i -> i.kind().equals("Remote"))
        .allSatisfy(i -> assertThat(i.sync()).contains("UNKNOWN"));
    assertThat(report.summary().actions()).isZero();
    try (Stream<Path> left = Files.list(temp.resolve("plans"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anInvalidDirectoryIsReportedWithItsProblemsAtTheirLines() throws Exception {
    Map<String, String> files = demoFiles();
    files.put("guests/broken.yaml", "apiVersion: pdm-gitops/v1\nkind: Guest\nmetadata: {}\n");

    PlanReport report =
        plans(Optional.of(Inventory.of(NOW, List.of()))).plan(PlanRequest.ofFiles(files));

    assertThat(report.valid()).isFalse();
    assertThat(report.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.line()).isPositive())
        .anySatisfy(p -> assertThat(p.file()).isEqualTo("guests/broken.yaml"));
  }

  @Test
  void pathsOutsideTheDirectoryAndFilesThatAreNotYamlAreRefused() {
    Plans plans = plans(Optional.of(Inventory.of(NOW, List.of())));
    for (String path : List.of("../escape.yaml", "/etc/x.yaml", "a//b.yaml", "a/../../b.yaml")) {
      assertThatThrownBy(() -> plans.plan(PlanRequest.ofFiles(Map.of(path, "x"))))
          .as(path)
          .isInstanceOf(PlanRefusedException.class)
          .hasMessageContaining("not a relative path")
          .satisfies(e -> assertThat(((PlanRefusedException) e).status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> plans.plan(PlanRequest.ofFiles(Map.of("run.sh", "x"))))
        .hasMessageContaining("not a YAML file");
    assertThat(temp.resolve("plans")).doesNotExist();
  }

  @Test
  void beforeTheFirstObservationThereIsNothingToPlanAgainst() {
    assertThatThrownBy(() -> plans(Optional.empty()).plan(PlanRequest.ofRef("main")))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("not observed the fleet yet")
        .satisfies(e -> assertThat(((PlanRefusedException) e).status()).isEqualTo(503));
  }
}
