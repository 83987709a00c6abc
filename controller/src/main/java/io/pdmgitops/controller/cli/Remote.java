package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.api.ResourceView;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import tools.jackson.core.type.TypeReference;

/** What the commands that call a running controller share: errors, output, finding a resource. */
final class Remote {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Remote() {}

  /** Prints why the controller did not do it, and returns the error exit code. */
  static int failed(CommandLine.Model.CommandSpec spec, String command, ControllerClient.Answer a) {
    spec.commandLine()
        .getErr()
        .println("pdm-gitops " + command + ": " + a.problem() + " (HTTP " + a.status() + ")");
    spec.commandLine().getErr().flush();
    return PdmGitopsCommand.CANNOT;
  }

  static String pretty(String json) {
    return ControllerClient.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValueAsString(ControllerClient.JSON.readTree(json));
  }

  /**
   * The declared resource {@code Kind/name} (the kind in any case) or a bare name that only one
   * resource has, from the controller's drift list.
   */
  static ResourceView resource(ControllerClient client, String wanted) throws IOException {
    ControllerClient.Answer answer = client.get("/api/v1/drift", TIMEOUT);
    if (!answer.ok()) {
      throw new IOException("cannot read the resources: " + answer.problem());
    }
    List<ResourceView> all =
        ControllerClient.JSON.readValue(answer.body(), new TypeReference<List<ResourceView>>() {});
    int slash = wanted.indexOf('/');
    String kind = slash < 0 ? null : wanted.substring(0, slash).toLowerCase(Locale.ROOT);
    String name = slash < 0 ? wanted : wanted.substring(slash + 1);
    List<ResourceView> matches =
        all.stream()
            .filter(r -> r.name().equals(name))
            .filter(r -> kind == null || r.kind().toLowerCase(Locale.ROOT).equals(kind))
            .toList();
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          "no declared resource "
              + wanted
              + " that you may see (give Kind/name, e.g. Guest/web-01)");
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          wanted
              + " is ambiguous: "
              + String.join(", ", matches.stream().map(r -> r.kind() + "/" + r.name()).toList()));
    }
    return matches.get(0);
  }
}
