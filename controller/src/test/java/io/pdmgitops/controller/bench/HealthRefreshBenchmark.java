package io.pdmgitops.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.health.ClusterOverview;
import io.pdmgitops.controller.health.FirewallOverview;
import io.pdmgitops.controller.health.HealthAdapter;
import io.pdmgitops.controller.health.HealthOverview;
import io.pdmgitops.controller.health.LastSweep;
import io.pdmgitops.controller.health.RepositoriesOverview;
import io.pdmgitops.controller.health.SdnOverview;
import io.pdmgitops.controller.health.SubscriptionOverview;
import io.pdmgitops.controller.health.UpdatesOverview;
import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.simulator.config.FleetGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PVE health overview refreshed once for 100 simulated remotes of 4 nodes (20 guests each,
 * half of them production; the generator's realistic problems on some nodes): wall time, requests
 * that reached the simulator, and the controller's CPU per refresh. The simulator runs in its own
 * JVM. Run with {@code ./mvnw -B -ntp -pl controller -am -Pbench test -Dbench.heap=512m
 * -Dtest=HealthRefreshBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class HealthRefreshBenchmark {
  static final int REMOTES = 100;
  static final int NODES = 4;
  static final int GUESTS = 20;
  static final int WARMUP = 2;
  static final int RUNS = 5;
  static final Pattern REQUESTS = Pattern.compile("\"requests\":(\\d+)");

  @TempDir Path dir;
  SimulatorProcess simulator;

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      simulator.close();
    }
  }

  /** A clock the benchmark moves past every interval, so each round reads every remote again. */
  static final class Jumping extends Clock {
    volatile Duration shift = Duration.ZERO;

    @Override
    public Instant instant() {
      return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void everyOverviewOfOneHundredRemotesOfFourNodes() throws Exception {
    simulator =
        SimulatorProcess.start(
            dir,
            "taskDuration: 2s\ngenerate: {clusters: %d, nodesPerCluster: %d, guestsPerCluster: %d, problems: true}\n"
                .formatted(REMOTES, NODES, GUESTS),
            REMOTES,
            false);
    List<Remote> remotes = new ArrayList<>();
    simulator.remotes.forEach(
        (name, r) ->
            remotes.add(
                new Remote(
                    new ObjectMeta(name, Map.of(), Map.of()),
                    new Remote.Spec(
                        RemoteType.PVE,
                        List.of(new Endpoint(r[0], Optional.of(r[1]))),
                        new ApiToken(
                            FleetGenerator.TOKEN.id(),
                            new SecretRef(Optional.of("GEN_TOKEN"), Optional.empty())),
                        Optional.empty()))));
    RemoteClients clients =
        new RemoteClients(
            new SecretResolver(Map.of("GEN_TOKEN", FleetGenerator.TOKEN.secret())),
            ClientSettings.defaults());
    Inventory inventory =
        new InventoryCollector(clients, Clock.systemUTC(), InventoryCollector.DEFAULT_CONCURRENCY)
            .collect(remotes)
            .block(Duration.ofMinutes(2));
    LastSweep sweep = inventory::remote;
    Jumping clock = new Jumping();
    Duration every = Duration.ofHours(1);
    HealthOverview<List<NodeSubscription>> subscriptions =
        SubscriptionOverview.of(() -> remotes, sweep, clients, every, clock);
    List<HealthOverview<?>> overviews =
        List.of(
            subscriptions,
            UpdatesOverview.of(() -> remotes, sweep, clients, every, clock),
            RepositoriesOverview.of(
                () -> remotes,
                sweep,
                clients,
                every,
                clock,
                (remote, node) ->
                    subscriptions
                        .reads()
                        .answer(remote)
                        .flatMap(n -> n.stream().filter(s -> s.node().equals(node)).findFirst()),
                (remote, node) -> Optional.empty()),
            ClusterOverview.of(() -> remotes, clients, every, clock),
            FirewallOverview.of(
                () -> remotes,
                sweep,
                clients,
                (remote, guest) ->
                    guest.tags().contains("production")
                        ? Optional.of("tag production")
                        : Optional.empty(),
                every,
                clock),
            SdnOverview.of(() -> remotes, clients, every, clock));
    HealthAdapter health = new HealthAdapter(overviews, List.of(), clock);

    for (int i = 0; i < WARMUP; i++) {
      refresh(overviews, clock);
    }
    List<Long> walls = new ArrayList<>();
    List<Long> cpus = new ArrayList<>();
    List<Long> simulatorCpus = new ArrayList<>();
    List<Long> requests = new ArrayList<>();
    List<Long> drawn = new ArrayList<>();
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < RUNS; i++) {
      System.gc();
      long asked = requests();
      long cpu = os.getProcessCpuTime();
      long simCpu = simulator.cpuNanos();
      long start = System.nanoTime();
      refresh(overviews, clock);
      walls.add(System.nanoTime() - start);
      cpus.add(os.getProcessCpuTime() - cpu);
      simulatorCpus.add(simulator.cpuNanos() - simCpu);
      requests.add(requests() - asked);
      long before = System.nanoTime();
      List<Finding> findings = health.report().findings();
      drawn.add(System.nanoTime() - before);
      assertThat(findings).isNotEmpty();
    }
    clients.close();
    Map<String, Long> byRule = new TreeMap<>();
    health.report().findings().forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
    for (HealthOverview<?> o : overviews) {
      assertThat(o.reads().reads().values())
          .as(o.name() + ": every remote answered")
          .allSatisfy(r -> assertThat(r.error()).isEmpty())
          .hasSize(REMOTES);
    }
    String result =
        String.format(
            Locale.ROOT,
            "| %d remotes x %d nodes (%d guests each, %d production) | 6 overviews refreshed |"
                + " wall %.0f ms | requests %d (%.1f per node) | controller CPU %.0f ms"
                + " (%.2f ms per remote) | simulator CPU %.0f ms | findings drawn %.1f ms |"
                + " findings %s |",
            REMOTES,
            NODES,
            GUESTS,
            GUESTS / 2,
            median(walls),
            requests.get(requests.size() / 2),
            (double) requests.get(requests.size() / 2) / (REMOTES * NODES),
            median(cpus),
            median(cpus) / REMOTES,
            median(simulatorCpus),
            median(drawn),
            byRule);
    System.out.println("BENCHMARK " + result);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/health-refresh.md"), result + "\n");
  }

  /** Moves past every interval, starts every read (16 per tick) and waits for all answers. */
  static void refresh(List<HealthOverview<?>> overviews, Jumping clock) throws Exception {
    clock.shift = clock.shift.plus(Duration.ofHours(2));
    Instant began = clock.instant();
    FleetSweepBenchmark.waitFor(
        () -> {
          boolean done = true;
          for (HealthOverview<?> o : overviews) {
            o.reads().tick();
            done &=
                o.reads().reads().size() == REMOTES
                    && o.reads().reads().values().stream()
                        .allMatch(
                            r ->
                                !r.triedAt().isBefore(began)
                                    && (r.readAt().isPresent() && !r.readAt().get().isBefore(began)
                                        || r.error().isPresent()));
          }
          return done;
        },
        Duration.ofMinutes(5));
  }

  /** Requests that reached the simulator so far, over every remote. */
  long requests() throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(simulator.admin)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    long total = 0;
    Matcher m = REQUESTS.matcher(body);
    while (m.find()) {
      total += Long.parseLong(m.group(1));
    }
    return total;
  }

  static double median(List<Long> nanos) {
    return FleetSweepBenchmark.median(nanos);
  }
}
