package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.plan.PlanReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan's text and Markdown against golden files in {@code src/test/resources/plan}: a plan with
 * every kind of entry (an action, a blocked move, a removed guest, drift reported only, an
 * unreachable remote, an added view, a warning), an invalid candidate, and one without changes. Run
 * with {@code -Dplan.golden.update=true} to rewrite them after a deliberate change, then read the
 * diff.
 */
class PlanPrinterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/plan");

  @ParameterizedTest
  @ValueSource(strings = {"changes", "invalid", "none"})
  void printsAsTheGoldenFilesShow(String name) throws IOException {
    PlanReport report;
    try (InputStream in = getClass().getResourceAsStream("/plan/" + name + ".json")) {
      report = ControllerClient.JSON.readValue(in, PlanReport.class);
    }

    check(name + ".txt", PlanPrinter.text(report));
    check(name + ".md", PlanPrinter.markdown(report));
  }

  private static void check(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("plan.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as(file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
