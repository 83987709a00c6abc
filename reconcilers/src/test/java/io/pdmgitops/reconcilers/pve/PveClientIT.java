package io.pdmgitops.reconcilers.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.AuthenticationFailedException;
import io.pdmgitops.reconcilers.api.CertificateMismatchException;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.ConnectionPools;
import io.pdmgitops.reconcilers.api.NodeUnreachableException;
import io.pdmgitops.reconcilers.api.NotFoundException;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.PermissionDeniedException;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.RemoteUnreachableException;
import io.pdmgitops.reconcilers.api.ResponseTooLargeException;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.AptConfig;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.http.ErrorStyle;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

/**
 * The PVE client against the simulated fleet over real HTTPS: every endpoint, power transitions end
 * to end with task following, certificate pinning and rotation, failover, and the typed errors of
 * real servers.
 */
class PveClientIT {
  static final String FLEET =
      """
      taskDuration: 300ms
      clusters:
        - name: east
          certificate: sim-1
          listen: [0, 0]
          version: 8.2.4
          nodes:
            - {name: pve1, cpus: 32, memory: 128GiB}
            - {name: pve2, cpus: 16, memory: 64GiB}
          storages:
            - {name: local-lvm, type: lvmthin, size: 1TiB, used: 100GiB}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running, tags: [prod, web], pool: prod}
            - {vmid: 101, name: db, type: qemu, node: pve2, status: stopped}
            - {vmid: 102, name: cache, type: lxc, node: pve1, status: running}
            - {vmid: 103, name: batch, type: lxc, node: pve2, status: stopped}
          tokens:
            - {id: ctl@pve!ctl, secret: 1f0c-ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: 2a7d-ro-secret, role: audit}
      """;

  static SimulatedFleet fleet;
  static PveClient client;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    client = client("ctl@pve!ctl", "1f0c-ctl-secret", pinnedEndpoints(), ClientSettings.defaults());
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  @AfterEach
  void clearFaults() {
    fleet.cluster("east").setFaults(FaultConfig.none());
    fleet.setDown("east", false);
  }

  static List<ApiEndpoint> pinnedEndpoints() {
    return fleet.endpoints("east").stream()
        .map(u -> ApiEndpoint.pinned(u, fleet.fingerprint("east")))
        .toList();
  }

  static PveClient client(
      String id, String secret, List<ApiEndpoint> endpoints, ClientSettings settings) {
    RemoteConnection remote =
        new RemoteConnection("east", Product.PVE, endpoints, new ApiToken(id, secret));
    return new WebPveClient(new ProxmoxTransport(remote, settings));
  }

  @Test
  void readsVersionAndClusterStatus() {
    assertThat(client.version().block().version()).isEqualTo("8.2.4");

    List<ClusterMember> members = client.clusterStatus().block();
    assertThat(members).extracting(ClusterMember::type).containsExactly("cluster", "node", "node");
    assertThat(members.get(0).quorate()).contains(true);
    assertThat(members.get(1).local()).contains(true);
    assertThat(members.get(2).online()).contains(true);
  }

  @Test
  void readsTheWholeClusterInOneResourcesCall() {
    ClusterInventory all = client.clusterInventory().block();

    GuestObservation web =
        all.guests().stream().filter(g -> g.vmid() == 100).findFirst().orElseThrow();
    assertThat(web.template()).isFalse();
    assertThat(web.tags()).containsExactly("prod", "web");
    assertThat(web.pool()).contains("prod");
    assertThat(web.lock()).isEmpty();
    assertThat(all.guests()).hasSizeGreaterThanOrEqualTo(4);
    NodeObservation node =
        all.nodes().stream().filter(n -> n.name().equals("pve1")).findFirst().orElseThrow();
    assertThat(node.usage().maxcpu()).isEqualTo(32.0);
    assertThat(all.storages()).isNotEmpty();
  }

  @Test
  void readsNodesAndTheirStatus() {
    List<PveNode> nodes = client.nodes().block();
    NodeStatus status = client.nodeStatus("pve1").block();

    assertThat(nodes).extracting(PveNode::node).containsExactly("pve1", "pve2");
    assertThat(nodes.get(0).sslFingerprint()).contains(fleet.fingerprint("east"));
    assertThat(status.loadavg()).containsExactly(0.15, 0.25, 0.30);
    assertThat(status.cpuinfo().flatMap(NodeStatus.CpuInfo::mhz)).contains(3000.0);
    assertThat(status.memory().flatMap(NodeStatus.Usage::total)).contains(128L << 30);
  }

  @Test
  void listsGuestsPerNodeAndType() {
    assertThat(client.guests("pve1", GuestType.QEMU).block())
        .extracting(GuestSummary::vmid)
        .containsExactly(100);
    assertThat(client.guests("pve2", GuestType.LXC).block())
        .extracting(GuestSummary::vmid)
        .containsExactly(103);

    GuestSummary web = client.guestStatus("pve1", GuestType.QEMU, 100).block();
    assertThat(web.isRunning()).isTrue();
    assertThat(web.qmpstatus()).contains("running");
    assertThat(web.ha().flatMap(GuestSummary.Ha::managed)).contains(false);
  }

  @Test
  void startsAndStopsAGuestAndFollowsTheTasks() {
    Upid start = client.power("pve2", GuestType.QEMU, 101, PowerAction.START).block();

    assertThat(start.type()).isEqualTo("qmstart");
    assertThat(start.node()).isEqualTo("pve2");
    assertThat(start.user()).isEqualTo("ctl@pve!ctl");
    TaskStatus done = awaitTask(start);
    assertThat(done.succeeded()).isTrue();
    assertThat(done.tokenid()).contains("ctl");
    assertThat(client.guestStatus("pve2", GuestType.QEMU, 101).block().isRunning()).isTrue();
    TaskLog log = client.taskLog(start, 0, 0).block();
    assertThat(log.lines()).last().extracting(TaskLog.Line::t).isEqualTo("TASK OK");
    assertThat(client.tasks("pve2", TaskSource.ALL, 50).block())
        .extracting(TaskSummary::upid)
        .contains(start.text());

    TaskStatus stopped =
        awaitTask(client.power("pve2", GuestType.QEMU, 101, PowerAction.STOP).block());
    assertThat(stopped.succeeded()).isTrue();
    assertThat(client.guestStatus("pve2", GuestType.QEMU, 101).block().isRunning()).isFalse();
  }

  @Test
  void aTaskThatFailsReportsTheServersText() {
    TaskStatus status =
        awaitTask(client.power("pve1", GuestType.QEMU, 100, PowerAction.START).block());

    assertThat(status.succeeded()).isFalse();
    assertThat(status.exitstatus()).contains("VM 100 already running");
  }

  @Test
  void synchronousRefusalsBecomeTypedErrors() {
    assertThatThrownBy(() -> client.power("pve1", GuestType.LXC, 102, PowerAction.START).block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("east: CT 102 already running");
    assertThatThrownBy(() -> client.guestStatus("pve1", GuestType.QEMU, 555).block())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("qemu-server/555.conf' does not exist");
  }

  @Test
  void anOlderServerWithTheTextOnlyInTheReasonPhraseIsReadTheSame() {
    fleet.cluster("east").setErrorStyle(ErrorStyle.PVE_LEGACY);
    try {
      assertThatThrownBy(() -> client.power("pve1", GuestType.LXC, 102, PowerAction.START).block())
          .isInstanceOf(ServerErrorException.class)
          .hasMessage("east: CT 102 already running");
    } finally {
      fleet.cluster("east").setErrorStyle(ErrorStyle.PVE);
    }
  }

  @Test
  void anAuditTokenIsDeniedPowerWithPathAndPrivilege() {
    PveClient audit =
        client("ro@pve!ro", "2a7d-ro-secret", pinnedEndpoints(), ClientSettings.defaults());

    assertThatThrownBy(() -> audit.power("pve2", GuestType.QEMU, 101, PowerAction.START).block())
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.path()).contains("/vms/101");
              assertThat(e.privilege()).contains("VM.PowerMgmt");
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void aWrongSecretIsAnAuthenticationErrorThatDoesNotLeakTheSecret() {
    PveClient wrong =
        client("ctl@pve!ctl", "not-the-secret", pinnedEndpoints(), ClientSettings.defaults());

    assertThatThrownBy(() -> wrong.version().block())
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageNotContaining("not-the-secret");
  }

  @Test
  void anOfflineNodeIsRetryableNodeUnreachable() {
    fleet.cluster("east").setNodeOnline("pve2", false);
    try {
      assertThatThrownBy(() -> client.guests("pve2", GuestType.QEMU).block())
          .isInstanceOfSatisfying(
              NodeUnreachableException.class, e -> assertThat(e.retryable()).isTrue());
    } finally {
      fleet.cluster("east").setNodeOnline("pve2", true);
    }
  }

  @Test
  void aNodeTheClusterDoesNotKnowIsNotFoundNotAServerError() {
    assertThatThrownBy(() -> client.guests("pve9", GuestType.QEMU).block())
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.status()).hasValue(500);
            })
        .hasMessageStartingWith("east: no node 'pve9' in the cluster (hostname lookup 'pve9'");
  }

  @Test
  void aTaskAskedOfAnotherNodeOrAnUnknownOneIsNotFound() {
    Upid stop = client.power("pve2", GuestType.QEMU, 101, PowerAction.STOP).block();
    awaitTask(stop);
    Upid elsewhere = Upid.parse(stop.text().replace("UPID:pve2:", "UPID:pve1:")).orElseThrow();
    Upid nowhere = Upid.parse(stop.text().replace("UPID:pve2:", "UPID:pve9:")).orElseThrow();

    assertThatThrownBy(() -> client.taskStatus(elsewhere).block())
        .isInstanceOf(NotFoundException.class)
        .hasMessage("east: upid: no such task");
    assertThatThrownBy(() -> client.taskStatus(nowhere).block())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no node 'pve9'");
  }

  @Test
  void failsOverToTheNextEndpointWhenTheFirstRefusesConnections() throws IOException {
    List<ApiEndpoint> endpoints = new ArrayList<>();
    endpoints.add(
        ApiEndpoint.pinned(
            URI.create("https://127.0.0.1:" + closedPort()), fleet.fingerprint("east")));
    endpoints.addAll(pinnedEndpoints());
    ProxmoxTransport transport =
        new ProxmoxTransport(
            new RemoteConnection(
                "east", Product.PVE, endpoints, new ApiToken("ctl@pve!ctl", "1f0c-ctl-secret")),
            ClientSettings.defaults());

    PveVersion version = new WebPveClient(transport).version().block();

    assertThat(version.version()).isEqualTo("8.2.4");
    assertThat(transport.lastAnswered()).contains(endpoints.get(1));
  }

  @Test
  void aRemoteThatIsDownIsUnreachableOnEveryEndpoint() {
    fleet.setDown("east", true);

    assertThatThrownBy(() -> client.version().block())
        .isInstanceOfSatisfying(
            RemoteUnreachableException.class,
            e -> {
              assertThat(e.attempts()).hasSize(2).allMatch(a -> a.endsWith("connection refused"));
              assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void aRotatedCertificateFailsThePinAndShowsWhatWasPresented() {
    String before = fleet.fingerprint("east");
    fleet.rotateCertificate("east", "sim-6");
    try {
      assertThatThrownBy(() -> client.version().block())
          .isInstanceOfSatisfying(
              CertificateMismatchException.class,
              e -> {
                assertThat(e.presented()).isEqualTo(fleet.fingerprint("east")).isNotEqualTo(before);
                assertThat(e.getMessage()).contains(e.presented()).contains(before);
              });

      PveClient repinned =
          client("ctl@pve!ctl", "1f0c-ctl-secret", pinnedEndpoints(), ClientSettings.defaults());
      assertThat(repinned.version().block().version()).isEqualTo("8.2.4");
    } finally {
      fleet.rotateCertificate("east", "sim-1");
    }
  }

  @Test
  void aRotatedCertificateIsCheckedWithinAConnectionsLifetime() {
    ClientSettings settings =
        ClientSettings.defaults().withConnectionLifetime(Duration.ofSeconds(1));
    ConnectionProvider pool = ConnectionPools.forRemotes("lifetime-test", settings);
    PveClient pooled =
        new WebPveClient(
            new ProxmoxTransport(
                new RemoteConnection(
                    "east",
                    Product.PVE,
                    pinnedEndpoints(),
                    new ApiToken("ctl@pve!ctl", "1f0c-ctl-secret")),
                settings,
                pool));
    try {
      assertThat(pooled.version().block().version()).isEqualTo("8.2.4");
      fleet.rotateCertificate("east", "sim-6");
      // Neither a kept-alive connection nor a resumed TLS session hides the new certificate for
      // longer than a connection's lifetime.
      await()
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(
              () ->
                  assertThatThrownBy(() -> pooled.version().block())
                      .isInstanceOf(CertificateMismatchException.class));
    } finally {
      fleet.rotateCertificate("east", "sim-1");
      pool.dispose();
    }
  }

  @Test
  void withoutAPinTheSystemTrustStoreRejectsASelfSignedCertificate() {
    List<ApiEndpoint> unpinned =
        fleet.endpoints("east").stream().map(u -> new ApiEndpoint(u, Optional.empty())).toList();
    PveClient systemTrust =
        client("ctl@pve!ctl", "1f0c-ctl-secret", unpinned, ClientSettings.defaults());

    assertThatThrownBy(() -> systemTrust.version().block())
        .isInstanceOf(RemoteUnreachableException.class);
  }

  @Test
  void aHangingRemoteIsCutOffByTheTimeouts() {
    fleet
        .cluster("east")
        .setFaults(new FaultConfig(Duration.ZERO, 0, false, true, Duration.ZERO, Map.of()));
    PveClient impatient =
        client(
            "ctl@pve!ctl",
            "1f0c-ctl-secret",
            pinnedEndpoints(),
            ClientSettings.defaults()
                .withResponseTimeout(Duration.ofMillis(300))
                .withOverallTimeout(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> impatient.version().block())
        .isInstanceOfSatisfying(
            RemoteUnreachableException.class,
            e -> assertThat(e.attempts()).hasSize(2).allMatch(a -> a.contains("timed out")));
  }

  @Test
  void aChangeThatGetsNoAnswerIsNotRetriedElsewhereAndReportedAsUnknownOutcome() {
    fleet
        .cluster("east")
        .setFaults(new FaultConfig(Duration.ZERO, 0, false, true, Duration.ZERO, Map.of()));
    PveClient impatient =
        client(
            "ctl@pve!ctl",
            "1f0c-ctl-secret",
            pinnedEndpoints(),
            ClientSettings.defaults().withResponseTimeout(Duration.ofMillis(300)));

    assertThatThrownBy(
            () -> impatient.power("pve2", GuestType.QEMU, 101, PowerAction.START).block())
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage())
                  .contains(fleet.endpoints("east").get(0).toString())
                  .doesNotContain(fleet.endpoints("east").get(1).toString());
            });
  }

  @Test
  void aSlowBodyIsCutOffByTheOverallTimeout() {
    fleet
        .cluster("east")
        .setFaults(
            new FaultConfig(Duration.ZERO, 0, false, false, Duration.ofSeconds(5), Map.of()));
    PveClient impatient =
        client(
            "ctl@pve!ctl",
            "1f0c-ctl-secret",
            pinnedEndpoints(),
            ClientSettings.defaults().withOverallTimeout(Duration.ofMillis(800)));

    assertThatThrownBy(() -> impatient.clusterInventory().block())
        .isInstanceOf(RemoteUnreachableException.class)
        .hasMessageContaining("no answer within PT0.8S");
  }

  @Test
  void anOversizedAnswerIsRefusedNotBuffered() {
    PveClient small =
        client(
            "ctl@pve!ctl",
            "1f0c-ctl-secret",
            pinnedEndpoints(),
            ClientSettings.defaults().withMaxResponseBytes(512));

    assertThatThrownBy(() -> small.clusterInventory().block())
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void readsRrdSeriesWithPveSourceNames() {
    List<RrdPoint> node = client.nodeRrd("pve1", Timeframe.HOUR).block();
    List<RrdPoint> running = client.guestRrd("pve1", GuestType.QEMU, 100, Timeframe.DAY).block();
    List<RrdPoint> stopped = client.guestRrd("pve2", GuestType.LXC, 103, Timeframe.HOUR).block();
    List<RrdPoint> storage = client.storageRrd("pve1", "local-lvm", Timeframe.WEEK).block();

    // PVE 8 (this cluster's version) keeps 70 rows for every timeframe; PVE 9 keeps 60 for hour.
    assertThat(node).hasSize(70);
    assertThat(node.get(1).time() - node.get(0).time()).isEqualTo(60);
    assertThat(node.get(0).values()).containsKeys("cpu", "memused", "memtotal", "loadavg", "netin");
    assertThat(running).hasSize(70);
    assertThat(running.get(0).value("cpu")).isPresent();
    assertThat(stopped.get(0).value("cpu")).isEmpty();
    assertThat(stopped.get(0).value("maxmem")).isPresent();
    assertThat(storage.get(0).value("total")).contains((double) (1L << 40));
  }

  @Test
  void readsUpdatesRepositoriesAndSubscription() {
    fleet
        .cluster("east")
        .setApt(
            "pve1",
            new AptConfig(
                "6.8.8-2-pve",
                List.of("6.8.12-4-pve", "6.8.8-2-pve"),
                List.of(
                    new AptConfig.PackageConfig(
                        "pve-manager",
                        "PVE tools",
                        "8.2.4",
                        "8.2.7",
                        "Proxmox",
                        "admin",
                        "optional"),
                    new AptConfig.PackageConfig(
                        "libfoo1",
                        "a new dependency",
                        null,
                        "1.0-1",
                        "Debian",
                        "libs",
                        "optional")),
                List.of("no-subscription"),
                "bookworm",
                true));
    List<PackageUpdate> updates = client.pendingUpdates("pve1").block();
    List<PackageVersion> versions = client.packageVersions("pve1").block();
    String changelog = client.changelog("pve1", "pve-manager", "8.2.7").block();
    String unknown = client.changelog("pve1", "no-such-package", "1").block();
    AptRepositories repositories = client.repositories("pve1").block();
    Subscription subscription = client.subscription("pve1").block();

    assertThat(updates).extracting(PackageUpdate::packageName).contains("pve-manager");
    assertThat(updates)
        .filteredOn(u -> u.packageName().equals("libfoo1"))
        .singleElement()
        .satisfies(u -> assertThat(u.oldVersion()).as("a new dependency").isEmpty());
    assertThat(versions.get(0).runningKernel()).contains("6.8.8-2-pve");
    assertThat(versions)
        .filteredOn(v -> v.packageName().startsWith("proxmox-kernel-"))
        .extracting(PackageVersion::packageName)
        .as("installed kernels, newest first")
        .containsExactly("proxmox-kernel-6.8.12-4-pve-signed", "proxmox-kernel-6.8.8-2-pve-signed");
    assertThat(changelog).startsWith("pve-manager (8.2.7)");
    assertThat(unknown).as("apt-get's failure is text, not an error").endsWith("RC: 100");
    assertThat(repositories.files().get(0).repositories()).allMatch(r -> r.enabled().orElse(false));
    assertThat(repositories.standardRepos())
        .filteredOn(r -> r.handle().equals("no-subscription"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).contains(true));
    assertThat(subscription.isActive()).isFalse();
    assertThat(subscription.normalisedStatus()).isEqualTo("notfound");
    TaskStatus refresh = awaitTask(client.refreshUpdates("pve1").block());
    assertThat(refresh.succeeded()).isTrue();
  }

  @Test
  void aCapitalisedSubscriptionStatusOfAnOlderServerIsUnderstood() {
    fleet.cluster("east").setLegacySubscriptionCase(true);
    try {
      Subscription subscription = client.subscription("pve1").block();

      assertThat(subscription.status()).isEqualTo("NotFound");
      assertThat(subscription.normalisedStatus()).isEqualTo("notfound");
    } finally {
      fleet.cluster("east").setLegacySubscriptionCase(false);
    }
  }

  @Test
  void readsFirewallAndSdn() {
    FirewallOptions options = client.firewallOptions().block();
    List<FirewallRule> rules = client.firewallRules().block();

    assertThat(options.enable()).contains(true);
    assertThat(options.policyIn()).contains("DROP");
    assertThat(rules).extracting(FirewallRule::pos).containsExactly(0, 1, 2);
    assertThat(rules.get(2).enable()).contains(false);
    assertThat(client.sdnZones().block())
        .extracting(SdnZone::type)
        .containsExactly("simple", "vxlan");
    assertThat(client.sdnVnets().block().get(1).vlanaware()).contains(true);
  }

  private static TaskStatus awaitTask(Upid upid) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !client.taskStatus(upid).block().isRunning());
    return client.taskStatus(upid).block();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
