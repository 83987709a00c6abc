package io.pdmgitops.simulator;

import io.pdmgitops.simulator.config.ClusterConfig;
import io.pdmgitops.simulator.config.FleetConfig;
import io.pdmgitops.simulator.config.PbsConfig;
import io.pdmgitops.simulator.http.ApiServer;
import io.pdmgitops.simulator.http.LoggedRequest;
import io.pdmgitops.simulator.http.RequestHook;
import io.pdmgitops.simulator.http.RequestLog;
import io.pdmgitops.simulator.http.SimulatedRemote;
import io.pdmgitops.simulator.pbs.PbsServer;
import io.pdmgitops.simulator.pve.PveCluster;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running simulated fleet: every cluster and backup server on its own HTTPS listeners on
 * 127.0.0.1. Start it in a test with {@code try (var fleet = SimulatedFleet.start(config))}.
 */
public final class SimulatedFleet implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Map<String, PveCluster> clusters = new LinkedHashMap<>();
  private final Map<String, PbsServer> backupServers = new LinkedHashMap<>();
  private final Map<String, ApiServer> servers = new LinkedHashMap<>();
  private final List<AdminServer> admins = new ArrayList<>();

  /** pvescheduler's tick for every cluster: scheduled backup jobs start, finished tasks end. */
  private final java.util.concurrent.ScheduledExecutorService scheduler =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulator-scheduler");
            t.setDaemon(true);
            return t;
          });

  private SimulatedFleet() {}

  public static SimulatedFleet start(FleetConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static SimulatedFleet start(FleetConfig config, Clock clock) {
    SimulatedFleet fleet = new SimulatedFleet();
    try {
      for (ClusterConfig c : config.clusters()) {
        PveCluster cluster = new PveCluster(c, config.taskDuration(), clock);
        fleet.clusters.put(c.name(), cluster);
        fleet.serve(cluster, c.listen(), c.faults().down());
      }
      for (PbsConfig p : config.backupServers()) {
        PbsServer pbs = new PbsServer(p, clock);
        fleet.backupServers.put(p.name(), pbs);
        fleet.serve(pbs, p.listen(), p.faults().down());
      }
      for (PveCluster cluster : fleet.clusters.values()) {
        cluster.deliverBackupsTo(fleet::store);
      }
      fleet.scheduler.scheduleWithFixedDelay(
          fleet::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  private void serve(SimulatedRemote remote, List<Integer> ports, boolean down) {
    if (servers.containsKey(remote.name())) {
      throw new IllegalArgumentException("two remotes are named " + remote.name());
    }
    ApiServer server = new ApiServer(remote, HOST, ports);
    servers.put(remote.name(), server);
    server.start();
    if (down) {
      server.stop();
    }
  }

  public PveCluster cluster(String name) {
    return Optional.ofNullable(clusters.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no simulated cluster " + name));
  }

  public PbsServer backupServer(String name) {
    return Optional.ofNullable(backupServers.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no simulated backup server " + name));
  }

  /** Base URLs of a remote's listeners, e.g. {@code https://127.0.0.1:18006}. */
  public List<URI> endpoints(String remote) {
    return server(remote).endpoints();
  }

  /** SHA-256 fingerprint of the certificate the remote presents now. */
  public String fingerprint(String remote) {
    return remote(remote).tls().fingerprint();
  }

  /** Presents another shipped certificate ({@code sim-1} .. {@code sim-6}) from now on. */
  public void rotateCertificate(String remote, String certificate) {
    remote(remote).tls().rotate(certificate);
  }

  /** Regenerates a token's secret on the remote: the old one is refused (401) from now on. */
  public void regenerateToken(String remote, String tokenId, String secret) {
    remote(remote).auth().regenerate(tokenId, secret);
  }

  /** Closes the remote's listeners (connection refused) or opens them again on the same ports. */
  public void setDown(String remote, boolean down) {
    if (down) {
      server(remote).stop();
    } else {
      server(remote).start();
    }
  }

  /** Sets a remote's faults at runtime; {@code down} opens or closes its listeners. */
  public void setFaults(String remote, io.pdmgitops.simulator.config.FaultConfig faults) {
    if (clusters.containsKey(remote)) {
      clusters.get(remote).setFaults(faults);
    } else {
      backupServer(remote).setFaults(faults);
    }
    setDown(remote, faults.down());
  }

  /** How many requests reached a remote since start. */
  public long requestCount(String remote) {
    return server(remote).requests().total();
  }

  /** The requests that reached a remote, oldest first (the newest {@value RequestLog#CAPACITY}). */
  public List<LoggedRequest> requests(String remote) {
    return server(remote).requests().all();
  }

  /**
   * Runs the hook around each of the remote's requests from now on; {@code RequestHook.NONE} ends
   * it.
   */
  public void hook(String remote, RequestHook hook) {
    server(remote).hook(hook);
  }

  /** Starts the plain-HTTP admin endpoint on 127.0.0.1 (port 0: any free port). */
  public AdminServer startAdmin(int port) {
    AdminServer admin = new AdminServer(this, port);
    admins.add(admin);
    return admin;
  }

  /** Whether the named remote is a backup server (else a PVE cluster). */
  public boolean isBackupServer(String name) {
    return backupServers.containsKey(name);
  }

  public List<String> remoteNames() {
    return new ArrayList<>(servers.keySet());
  }

  private SimulatedRemote remote(String name) {
    if (clusters.containsKey(name)) {
      return clusters.get(name);
    }
    return backupServer(name);
  }

  private ApiServer server(String name) {
    return Optional.ofNullable(servers.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no simulated remote " + name));
  }

  private void tick() {
    for (PveCluster cluster : clusters.values()) {
      try {
        cluster.runSchedule();
      } catch (RuntimeException e) {
        // One cluster's trouble must not stop the others' schedules.
        org.slf4j.LoggerFactory.getLogger(SimulatedFleet.class)
            .warn("schedule of {} failed: {}", cluster.name(), e.toString());
      }
    }
  }

  /** A backup lands on the named backup server; one the fleet does not have loses it. */
  private void store(
      String server, String datastore, String type, String id, long time, String owner) {
    PbsServer pbs = backupServers.get(server);
    if (pbs == null) {
      return;
    }
    try {
      pbs.addSnapshot(datastore, type, id, time, owner);
    } catch (IllegalArgumentException e) {
      // A storage pointing at a datastore the server lacks: vzdump would fail; the task stays OK
      // here, and the backup is lost, as the log says.
      org.slf4j.LoggerFactory.getLogger(SimulatedFleet.class)
          .warn("backup lost: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admins.forEach(AdminServer::close);
    servers.values().forEach(ApiServer::close);
    clusters.values().forEach(PveCluster::close);
  }
}
