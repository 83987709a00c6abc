package io.pdmgitops.controller.cli;

import io.pdmgitops.simulator.SimulatedFleet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo environment as tests and other launchers use it: the fleet, the seeded repository and
 * the properties that point the controller at them.
 */
public final class DemoAccess implements AutoCloseable {
  private final DemoEnvironment environment;

  private DemoAccess(DemoEnvironment environment) {
    this.environment = environment;
  }

  public static DemoAccess start(Path examples, Path dataDir) throws Exception {
    return new DemoAccess(DemoEnvironment.start(examples, dataDir));
  }

  public SimulatedFleet fleet() {
    return environment.fleet();
  }

  public Path repository() {
    return environment.repository();
  }

  /**
   * User id ({@code admin@pdm}, {@code operator@pdm}, {@code auditor@pdm}) to password of the
   * demo's local users, random per data directory; empty if its demo-logins.txt was deleted.
   */
  public Map<String, String> logins() {
    return environment.logins();
  }

  /** Prints the demo-credentials block, for the start-up output (not the log). */
  void printLogins(java.io.PrintWriter out) {
    environment.printLogins(out);
  }

  /** Repository URL and token variables for the controller. */
  public Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("pdm.repository.url", environment.repository().toUri().toString());
    environment.secrets().forEach((k, v) -> properties.put("pdm.secrets." + k, v));
    return properties;
  }

  @Override
  public void close() {
    environment.close();
  }
}
