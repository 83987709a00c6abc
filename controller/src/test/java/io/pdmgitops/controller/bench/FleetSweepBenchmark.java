package io.pdmgitops.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.pdmgitops.controller.TestTls;
import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.git.GitSource;
import io.pdmgitops.controller.git.GitSourceSettings;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.LoopSettings;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.queue.ExecutorTimers;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.drift.DriftDetector;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.fleet.FleetTable;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.Planner;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.reconcilers.guest.GuestActionExecutor;
import io.pdmgitops.reconcilers.guest.GuestReconciler;
import io.pdmgitops.reconcilers.remote.DeclaredRemotes;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.RemoteReconciler;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The full observe-and-diff sweep of 100 simulated remotes with 1,000 guests each, all declared in
 * Git, against the floor of the same GETs sent by a plain JDK HttpClient that only reads the
 * bodies; the heap it takes; and the time from an explicit trigger on a new commit to the first
 * action sent. The simulator runs in its own JVM so the heap measured is the controller's alone.
 * Run with {@code ./mvnw -B -ntp -pl controller -am -Pbench test -Dbench.heap=512m
 * -Dtest=FleetSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FleetSweepBenchmark {
  static final int REMOTES = 100;
  static final int GUESTS = 1_000;
  static final int NODES = 4;
  static final int WARMUP = 5;
  static final int RUNS = 10;
  static final int CONCURRENCY = InventoryCollector.DEFAULT_CONCURRENCY;

  /** -Dbench.pin=true: simulator and controller on separate cores (Linux taskset). */
  static final boolean PINNED = Boolean.getBoolean("bench.pin");

  @TempDir Path dir;
  Process simulator;
  long liveWhileRunning;

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      simulator.destroy();
      simulator.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void sweepOfOneHundredRemotesWithOneThousandGuestsEach() throws Exception {
    Map<String, String[]> remotes = startSimulator();
    Path upstream = Files.createDirectories(dir.resolve("upstream"));
    writeDesiredState(upstream, remotes);
    RemoteClients clients =
        new RemoteClients(
            new SecretResolver(Map.of("GEN_TOKEN", FleetGenerator.TOKEN.secret())),
            ClientSettings.defaults());
    HeapSampler heap = new HeapSampler();
    String sweep = measureSweeps(upstream, remotes, clients);
    // The sweep's own desired state is garbage now: the loop below loads its snapshot from Git.
    Duration[] trigger = triggerToFirstAction(upstream, clients);
    long peakHeap = heap.maxUsedBytes();
    heap.close();
    clients.close();

    String result =
        String.format(
            Locale.ROOT,
            "%s peak heap in use %d MiB of -Xmx %d MiB (live after full GC %d MiB) |"
                + " trigger to first action planned %d ms,"
                + " sent and accepted %d ms | webhook to first action sent, median of %d: %d ms |",
            sweep,
            peakHeap >> 20,
            Runtime.getRuntime().maxMemory() >> 20,
            liveWhileRunning >> 20,
            trigger[0].toMillis(),
            trigger[1].toMillis(),
            WEBHOOK_ROUNDS,
            webhookToFirstAction);
    System.out.println("BENCHMARK " + result);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/fleet-sweep.md"), result + "\n");
  }

  /** Median sweep and floor times, after warm-up. */
  String measureSweeps(Path upstream, Map<String, String[]> remotes, RemoteClients clients)
      throws Exception {
    LoadResult loaded = new DesiredStateLoader().load(upstream);
    assertThat(loaded.problems()).isEmpty();
    DesiredState state = loaded.state().orElseThrow();
    assertThat(state.guests()).hasSize(REMOTES * GUESTS);

    InventoryCollector collector = new InventoryCollector(clients, Clock.systemUTC(), CONCURRENCY);
    HttpClient plain = HttpClient.newBuilder().sslContext(TestTls.trustingTheSimulator()).build();
    String authorization =
        "PVEAPIToken=" + FleetGenerator.TOKEN.id() + "=" + FleetGenerator.TOKEN.secret();
    List<URI> bases = remotes.values().stream().map(r -> URI.create(r[0] + "/api2/json")).toList();

    List<Long> observe = new ArrayList<>();
    List<Long> diff = new ArrayList<>();
    List<Long> table = new ArrayList<>();
    for (int i = 0; i < WARMUP; i++) {
      table(
          state, sweep(collector, state, new ArrayList<>(), new ArrayList<>()), new ArrayList<>());
      floor(plain, bases, authorization);
      fetchOnly(clients, state);
    }
    List<Long> sweeps = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    List<Long> fetches = new ArrayList<>();
    CpuTimes sweepCpu = new CpuTimes();
    CpuTimes floorCpu = new CpuTimes();
    CpuTimes fetchCpu = new CpuTimes();
    long bytes = 0;
    DriftReport report = null;
    for (int i = 0; i < RUNS; i++) {
      // Each phase starts on a collected heap, so neither pays for the other's garbage.
      System.gc();
      long start = System.nanoTime();
      long[] cpu = cpuNow();
      Swept swept = sweep(collector, state, observe, diff);
      sweeps.add(System.nanoTime() - start);
      sweepCpu.add(cpu, cpuNow());
      table(state, swept, table);
      report = swept.report();
      System.gc();
      start = System.nanoTime();
      cpu = cpuNow();
      bytes = floor(plain, bases, authorization);
      floors.add(System.nanoTime() - start);
      floorCpu.add(cpu, cpuNow());
      System.gc();
      start = System.nanoTime();
      cpu = cpuNow();
      fetchOnly(clients, state);
      fetches.add(System.nanoTime() - start);
      fetchCpu.add(cpu, cpuNow());
    }
    assertThat(report.count(SyncStatus.SYNCED)).isEqualTo(REMOTES + (long) REMOTES * GUESTS);
    return String.format(
        Locale.ROOT,
        "| %d remotes x %d guests, %d MiB of JSON per sweep | floor (JDK HttpClient, same GETs,"
            + " no parsing) %.0f ms | sweep %.0f ms (poll and map %.0f, drift and plan %.0f) |"
            + " ratio %.2f | sweep %s; floor %s | our client's fetch alone (same GETs, no"
            + " parsing) %.0f ms, %s | fleet table for the UI %.0f ms (not part of the sweep) |%s",
        REMOTES,
        GUESTS,
        bytes >> 20,
        median(floors),
        median(sweeps),
        median(observe),
        median(diff),
        median(sweeps) / median(floors),
        sweepCpu.perRun(),
        floorCpu.perRun(),
        median(fetches),
        fetchCpu.perRun(),
        median(table),
        PINNED ? " simulator and controller pinned to one core each |" : "");
  }

  /** One sweep: poll and map, then drift and plan; adds the time of each phase to its list. */
  static Swept sweep(
      InventoryCollector collector, DesiredState state, List<Long> observe, List<Long> diff) {
    long start = System.nanoTime();
    Inventory observed = collector.collect(state.remotes()).block(Duration.ofMinutes(2));
    long polled = System.nanoTime();
    DriftReport report = DriftDetector.detect(state, observed, DriftPolicy.ENFORCE);
    Planner.plan(report, state);
    long diffed = System.nanoTime();
    observe.add(polled - start);
    diff.add(diffed - polled);
    return new Swept(observed, report);
  }

  record Swept(Inventory observed, DriftReport report) {}

  /**
   * Builds the UI's fleet table from a sweep's result, done once per cycle on first look, outside
   * the sweep; adds its time to the list.
   */
  static void table(DesiredState state, Swept swept, List<Long> table) {
    long start = System.nanoTime();
    assertThat(FleetTable.of(state, swept.observed(), swept.report()))
        .hasSizeGreaterThan(REMOTES * GUESTS);
    table.add(System.nanoTime() - start);
  }

  /**
   * CPU time so far of this JVM and of the simulator's, and this JVM's time in GC pauses, in
   * nanoseconds.
   */
  long[] cpuNow() {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long gcMillis = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {
      os.getProcessCpuTime(),
      simulator.toHandle().info().totalCpuDuration().orElseThrow().toNanos(),
      gcMillis * 1_000_000
    };
  }

  /** CPU times of a phase summed over runs: controller and simulator. */
  static final class CpuTimes {
    long controller;
    long simulator;
    long gcPauses;
    int runs;

    void add(long[] before, long[] after) {
      controller += after[0] - before[0];
      simulator += after[1] - before[1];
      gcPauses += after[2] - before[2];
      runs++;
    }

    String perRun() {
      return String.format(
          Locale.ROOT,
          "CPU per run: controller %d ms (GC pauses %d ms), simulator %d ms",
          controller / runs / 1_000_000,
          gcPauses / runs / 1_000_000,
          simulator / runs / 1_000_000);
    }
  }

  /**
   * The same two GETs per remote through the controller's own transport (WebClient, pinned TLS),
   * bodies read and not parsed: what the sweep costs before any binding.
   */
  static long fetchOnly(RemoteClients clients, DesiredState state) throws Exception {
    return Flux.fromIterable(state.remotes())
        .flatMap(
            remote -> {
              ProxmoxTransport transport;
              try {
                transport = clients.transport(remote);
              } catch (SecretResolver.SecretUnavailableException e) {
                return Mono.error(e);
              }
              return Mono.zip(
                  transport.get("/version", Map.of()).map(e -> (long) e.size()),
                  transport.get("/cluster/resources", Map.of()).map(e -> (long) e.size()),
                  Long::sum);
            },
            CONCURRENCY)
        .reduce(0L, Long::sum)
        .block(Duration.ofMinutes(2));
  }

  /** The same two GETs per remote, as many remotes at once as the collector polls. */
  static long floor(HttpClient client, List<URI> bases, String authorization) throws Exception {
    Semaphore slots = new Semaphore(CONCURRENCY);
    List<CompletableFuture<Long>> all = new ArrayList<>();
    for (URI base : bases) {
      slots.acquire();
      CompletableFuture<Long> version = get(client, base + "/version", authorization);
      CompletableFuture<Long> resources = get(client, base + "/cluster/resources", authorization);
      all.add(version.thenCombine(resources, Long::sum).whenComplete((b, e) -> slots.release()));
    }
    long bytes = 0;
    for (CompletableFuture<Long> f : all) {
      bytes += f.get(2, TimeUnit.MINUTES);
    }
    return bytes;
  }

  static CompletableFuture<Long> get(HttpClient client, String url, String authorization) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(60))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> (long) r.body().length);
  }

  /**
   * The loop as the application wires it, on this fleet and repository: a commit stops one guest;
   * the time runs from the explicit trigger to the journal entry (just before the call is sent) and
   * to the remote's answer with the task's UPID.
   */
  Duration[] triggerToFirstAction(Path upstream, RemoteClients clients) throws Exception {
    try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call();
        ExecutorTimers timers = new ExecutorTimers()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("the fleet").setAuthor("Bench", "bench@corp.example").call();
      SnapshotTracker snapshots = new SnapshotTracker(DesiredStateLoader.withFileCache());
      // The journal the application uses: pooled H2 on a file, each row made durable.
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("status") + ";DB_CLOSE_ON_EXIT=FALSE");
      pool.setUsername("sa");
      SchemaMigrator.migrate(pool);
      TimingJournal journal =
          new TimingJournal(new StoreActionJournal(new JdbcStatusStore(pool), Clock.systemUTC()));
      ReconcileLoop loop =
          new ReconcileLoop(
              snapshots,
              new InventoryCollector(clients, Clock.systemUTC(), CONCURRENCY),
              new KindReconcilers(
                  List.of(
                      new RemoteReconciler(),
                      new GuestReconciler(
                          new GuestActionExecutor(
                              new DeclaredRemotes(snapshots::state, clients),
                              journal,
                              Duration.ofMillis(200))))),
              journal,
              LoopSettings.defaults().withPollInterval(Duration.ofHours(1)),
              (reconciler, budget) ->
                  new ReconcileQueue<>(
                      reconciler,
                      RetryPolicy.defaults(),
                      timers,
                      () -> 0.5,
                      32,
                      LoopSettings.defaults().actionsPerRemote(),
                      budget),
              Clock.systemUTC());
      try (pool;
          loop;
          GitPoller poller =
              new GitPoller(
                  new GitSource(
                      GitSourceSettings.of(
                          upstream.toUri().toString(), "main", dir.resolve("clone"))) {
                    @Override
                    public io.pdmgitops.controller.git.CommitInfo fetch()
                        throws io.pdmgitops.controller.git.GitSourceException {
                      var head = super.fetch();
                      fetchedAt = Instant.now();
                      return head;
                    }
                  },
                  snapshots,
                  Duration.ofHours(1),
                  0,
                  () -> 0.5,
                  outcome -> {
                    loadedAt = Instant.now();
                    loop.onCommit(outcome);
                  },
                  e -> {})) {
        poller.start();
        loop.start();
        waitFor(() -> loop.latestReport().isPresent(), Duration.ofMinutes(3));
        // A second, steady cycle so the trigger meets a warm controller, as in production.
        loop.runCycle();

        Path file = upstream.resolve("guests/gen-1-a.yaml");
        String text = Files.readString(file);
        String changed =
            text.replace(
                "name: gen-1-guest-101\n  power: running",
                "name: gen-1-guest-101\n  power: stopped");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(file, changed);
        git.add().addFilepattern(".").call();
        git.commit().setMessage("stop one guest").setAuthor("Bench", "bench@corp.example").call();

        Instant start = Instant.now();
        poller.trigger();
        waitFor(() -> journal.sentAt() != null, Duration.ofMinutes(1));
        // What the running controller holds: snapshot, report, clients, queue.
        System.gc();
        liveWhileRunning =
            java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Duration planned = Duration.between(start, journal.plannedAt());
        Duration sent = Duration.between(start, journal.sentAt());
        webhookToFirstAction = webhookRounds(git, upstream, journal, poller);
        return new Duration[] {planned, sent};
      }
    }
  }

  /** Rounds of the webhook measurement: each stops another guest. */
  static final int WEBHOOK_ROUNDS = 5;

  /** Median time from a signed webhook's arrival to the first action sent, in ms. */
  long webhookToFirstAction;

  /** When the last fetch ended, and when its commit's snapshot was loaded: for the breakdown. */
  volatile Instant fetchedAt;

  volatile Instant loadedAt;

  /**
   * The webhook path on the same running loop: a commit stops one more guest, and a signed GitHub
   * push arrives over HTTP at the controller's webhook intake; the time runs from sending the
   * delivery to the journal entry of the call sent. Median of {@value #WEBHOOK_ROUNDS} rounds.
   */
  long webhookRounds(Git git, Path upstream, TimingJournal journal, GitPoller poller)
      throws Exception {
    byte[] secret = "benchmark-webhook-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.pdmgitops.controller.webhooks.WebhookIntake intake =
        new io.pdmgitops.controller.webhooks.WebhookIntake(
            java.util.Optional.of(secret),
            "main",
            poller::triggerSpaced,
            new io.pdmgitops.controller.security.AuditTrail(entries -> {}, Clock.systemUTC()));
    var server =
        reactor.netty.http.server.HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                new org.springframework.http.server.reactive.ReactorHttpHandlerAdapter(
                    org.springframework.web.reactive.function.server.RouterFunctions.toHttpHandler(
                        intake.routes())))
            .bindNow();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<Long> rounds = new ArrayList<>();
    try {
      byte[] body =
          "{\"ref\":\"refs/heads/main\",\"after\":\"0000000000000000000000000000000000000000\"}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String signature =
          "sha256="
              + java.util.HexFormat.of()
                  .formatHex(io.pdmgitops.controller.webhooks.WebhookProvider.hmac(secret, body));
      for (int round = 0; round < WEBHOOK_ROUNDS; round++) {
        Path file = upstream.resolve("guests/gen-1-a.yaml");
        // Running guests (every fourth one is declared stopped): 102, 103, 105, 106, 107.
        String guest = "gen-1-guest-" + new int[] {102, 103, 105, 106, 107}[round];
        String text = Files.readString(file);
        String changed =
            text.replace(
                "name: " + guest + "\n  power: running", "name: " + guest + "\n  power: stopped");
        assertThat(changed).as(guest).isNotEqualTo(text);
        Files.writeString(file, changed);
        git.add().addFilepattern(".").call();
        git.commit().setMessage("stop " + guest).setAuthor("Bench", "bench@corp.example").call();
        journal.reset();
        Thread.sleep(1500); // past the fetcher's spacing: each round pays for one fetch
        Instant start = Instant.now();
        var answer =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/v1/webhooks/github"))
                    .header("X-GitHub-Event", "push")
                    .header("X-Hub-Signature-256", signature)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
        waitFor(() -> journal.sentAt() != null, Duration.ofMinutes(1));
        rounds.add(Duration.between(start, journal.sentAt()).toMillis());
        System.out.printf(
            Locale.ROOT,
            "BENCHMARK webhook round %d: fetched %d ms, loaded %d ms, planned %d ms, sent %d ms%n",
            round,
            Duration.between(start, fetchedAt).toMillis(),
            Duration.between(start, loadedAt).toMillis(),
            Duration.between(start, journal.plannedAt()).toMillis(),
            Duration.between(start, journal.sentAt()).toMillis());
      }
    } finally {
      server.disposeNow();
    }
    System.out.println("BENCHMARK webhook to first action sent, rounds (ms): " + rounds);
    return rounds.stream().sorted().toList().get(rounds.size() / 2);
  }

  Map<String, String[]> startSimulator() throws Exception {
    SimulatorProcess started =
        SimulatorProcess.start(
            dir,
            "taskDuration: 2s\ngenerate: {clusters: %d, nodesPerCluster: %d, guestsPerCluster: %d}\n"
                .formatted(REMOTES, NODES, GUESTS),
            REMOTES,
            PINNED);
    simulator = started.process;
    return started.remotes;
  }

  static void writeDesiredState(Path root, Map<String, String[]> remotes) throws Exception {
    Files.createDirectories(root.resolve("remotes"));
    Files.createDirectories(root.resolve("guests"));
    for (var remote : remotes.entrySet()) {
      String name = remote.getKey();
      Files.writeString(
          root.resolve("remotes/" + name + ".yaml"),
          """
          apiVersion: pdm-gitops/v1
          kind: Remote
          metadata: {name: %s}
          spec:
            type: pve
            endpoints: [{url: "%s", fingerprint: "%s"}]
            token: {id: "%s", secret: {env: GEN_TOKEN}}
          """
              .formatted(
                  name, remote.getValue()[0], remote.getValue()[1], FleetGenerator.TOKEN.id()));
      // Two files of 500 guests each, as a large site might split them by team.
      for (String half : List.of("a", "b")) {
        StringBuilder guests = new StringBuilder();
        int from = half.equals("a") ? 0 : GUESTS / 2;
        for (int g = from; g < from + GUESTS / 2; g++) {
          int vmid = 100 + g;
          guests.append(
              """
              ---
              apiVersion: pdm-gitops/v1
              kind: Guest
              metadata: {name: %s-guest-%d}
              spec:
                remote: %s
                vmid: %d
                type: %s
                name: %s-guest-%d
                power: %s
              """
                  .formatted(
                      name,
                      vmid,
                      name,
                      vmid,
                      g % 3 == 0 ? "lxc" : "qemu",
                      name,
                      vmid,
                      g % 4 == 0 ? "stopped" : "running"));
        }
        Files.writeString(root.resolve("guests/" + name + "-" + half + ".yaml"), guests);
      }
    }
  }

  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  static void waitFor(Condition condition, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + atMost);
      }
      Thread.sleep(20);
    }
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
