package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.app.PdmGitopsApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the controller. With {@code --demo} it first starts the simulated fleet and seeds a
 * demo repository; without, it reads {@code pdm.*} from application.yaml and the environment.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the controller (with --demo: against the simulated fleet).")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--demo", description = "Start the simulated fleet and a demo repository first.")
  boolean demo;

  @Option(
      names = "--data-dir",
      description = "Data directory (default: pdm-gitops-data, demo: pdm-gitops-demo).")
  Path dataDir;

  @Option(
      names = "--examples",
      defaultValue = "examples",
      description = "The examples directory, for --demo.")
  Path examples;

  @Option(names = "--port", description = "HTTP port of the API (default 8080).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> properties = new HashMap<>();
    Path data =
        (dataDir != null ? dataDir : Path.of(demo ? "pdm-gitops-demo" : "pdm-gitops-data"))
            .toAbsolutePath();
    properties.put("pdm.data-dir", data.toString());
    if (port != null) {
      properties.put("server.port", port);
    }
    DemoAccess environment = null;
    if (demo) {
      environment = DemoAccess.start(examples, data);
      properties.putAll(environment.properties());
      properties.put("pdm.repository.poll-interval", "10s");
      properties.put("pdm.inventory-interval", "10s");
    }
    ConfigurableApplicationContext context = PdmGitopsApplication.start(properties);
    String api =
        "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "8080");
    var out = spec.commandLine().getOut();
    if (environment != null) {
      out.println("Simulated fleet: " + environment.fleet().remoteNames());
      out.println("Desired state:   git clone " + environment.repository());
      out.println("                 (edit, commit, git push: the controller fetches every 10 s)");
      DemoAccess fleet = environment;
      context.addApplicationListener(
          (org.springframework.context.event.ContextClosedEvent e) -> fleet.close());
    }
    out.println("API:             " + api + "/api/v1/status");
    out.println("Metrics:         " + api + "/metrics");
    out.flush();
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        (org.springframework.context.event.ContextClosedEvent e) -> closed.countDown());
    closed.await();
    return 0;
  }
}
