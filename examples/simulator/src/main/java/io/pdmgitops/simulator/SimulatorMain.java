package io.pdmgitops.simulator;

import io.pdmgitops.simulator.config.FleetConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar pdm-simulator.jar --fleet FILE}: serves a fleet until interrupted. */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if ((args.length != 2 && args.length != 4)
        || !args[0].equals("--fleet")
        || (args.length == 4 && !args[2].equals("--admin-port"))) {
      System.err.println("usage: java -jar pdm-simulator.jar --fleet FILE [--admin-port PORT]");
      System.exit(2);
    }
    FleetConfig config = FleetConfigReader.read(Path.of(args[1]));
    SimulatedFleet fleet = SimulatedFleet.start(config);
    AdminServer admin = fleet.startAdmin(args.length == 4 ? Integer.parseInt(args[3]) : 0);
    System.out.println("admin http://127.0.0.1:" + admin.port() + "/admin/remotes");
    for (String remote : fleet.remoteNames()) {
      System.out.println(
          remote + " " + fleet.endpoints(remote) + " fingerprint " + fleet.fingerprint(remote));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  stop.countDown();
                }));
    stop.await();
  }
}
