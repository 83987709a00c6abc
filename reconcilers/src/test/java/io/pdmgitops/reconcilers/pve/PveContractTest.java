package io.pdmgitops.reconcilers.pve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.AuthenticationFailedException;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.NodeUnreachableException;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.RemoteUnreachableException;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.TlsProbe;
import io.pdmgitops.reconcilers.api.Upid;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

/**
 * Contract tests with bodies in the recorded shapes of real servers, including old versions'
 * quirks, and faults the simulator does not produce the same way.
 */
class PveContractTest {
  static final ApiToken TOKEN = new ApiToken("ctl@pve!ctl", "9d1e-contract-secret");
  static WireMockServer wiremock;
  static String fingerprint;

  @BeforeAll
  static void start() throws Exception {
    wiremock =
        new WireMockServer(WireMockConfiguration.options().dynamicHttpsPort().httpDisabled(true));
    wiremock.start();
    fingerprint = TlsProbe.fingerprint("localhost", wiremock.httpsPort());
  }

  @AfterAll
  static void stop() {
    wiremock.stop();
  }

  @BeforeEach
  void reset() {
    wiremock.resetAll();
  }

  static PveClient client(ClientSettings settings) {
    ApiEndpoint endpoint =
        ApiEndpoint.pinned(URI.create("https://localhost:" + wiremock.httpsPort()), fingerprint);
    return new WebPveClient(
        new ProxmoxTransport(
            new RemoteConnection("lab", Product.PVE, List.of(endpoint), TOKEN), settings));
  }

  static PveClient client() {
    return client(ClientSettings.defaults());
  }

  @Test
  void sendsTheTokenHeaderAndAFormPostAndReadsTheUpid() {
    wiremock.stubFor(
        post(urlEqualTo("/api2/json/nodes/pve1/qemu/100/status/start"))
            .willReturn(
                json(
                    "{\"data\":\"UPID:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:ctl@pve!ctl:\"}")));

    Upid upid = client().power("pve1", GuestType.QEMU, 100, PowerAction.START).block();

    assertThat(upid.type()).isEqualTo("qmstart");
    wiremock.verify(
        postRequestedFor(urlEqualTo("/api2/json/nodes/pve1/qemu/100/status/start"))
            .withHeader("Authorization", equalTo("PVEAPIToken=ctl@pve!ctl=9d1e-contract-secret")));
  }

  @Test
  void encodesTheUpidInTaskPaths() {
    Upid upid =
        Upid.parse("UPID:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:ctl@pve!ctl:").orElseThrow();
    wiremock.stubFor(
        get(urlEqualTo(
                "/api2/json/nodes/pve1/tasks/UPID%3Apve1%3A0012AB34%3A0A1B2C3D%3A66A1B2C3%3Aqmstart%3A100%3Actl%40pve%21ctl%3A/status"))
            .willReturn(
                json(
                    "{\"data\":{\"upid\":\""
                        + upid
                        + "\",\"node\":\"pve1\",\"pid\":1223476,\"pstart\":169552957,"
                        + "\"starttime\":1721873091,\"type\":\"qmstart\",\"id\":\"100\",\"user\":\"ctl@pve\","
                        + "\"tokenid\":\"ctl\",\"status\":\"stopped\",\"exitstatus\":\"WARNINGS: 2\"}}")));

    TaskStatus status = client().taskStatus(upid).block();

    assertThat(status.succeeded()).isTrue();
  }

  @Test
  void readsPve6StringNumbersAndStringBooleans() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/nodes/pve1/lxc"))
            .willReturn(
                json(
                    "{\"data\":[{\"vmid\":\"101\",\"status\":\"running\",\"name\":\"ct1\",\"cpus\":\"2\","
                        + "\"maxmem\":\"2147483648\",\"mem\":\"104857600\",\"uptime\":\"3600\","
                        + "\"template\":\"\",\"type\":\"lxc\"}]}")));

    GuestSummary ct = client().guests("pve1", GuestType.LXC).block().get(0);

    assertThat(ct.vmid()).isEqualTo(101);
    assertThat(ct.maxmem()).contains(2147483648L);
    assertThat(ct.template()).contains(false);
    assertThat(ct.lock()).isEmpty();
  }

  @Test
  void anAbsentFieldStaysAbsentAndAnEmptyLockIsNoLock() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/nodes/pve1/qemu/100/status/current"))
            .willReturn(
                json(
                    "{\"data\":{\"status\":\"running\",\"qmpstatus\":\"running\","
                        + "\"name\":\"web\",\"lock\":\"\"}}")));
    String upid = "UPID:pve1:0012AB34:0A1B2C3D:66A1B2C3:qmstart:100:ctl@pve!ctl:";
    wiremock.stubFor(
        get(urlPathEqualTo("/api2/json/nodes/pve1/tasks"))
            .willReturn(
                json(
                    "{\"data\":[{\"upid\":\""
                        + upid
                        + "\",\"node\":\"pve1\",\"type\":\"qmstart\",\"id\":\"100\","
                        + "\"user\":\"ctl@pve\",\"tokenid\":\"ctl\"}]}")));

    GuestSummary vm = client().guestStatus("pve1", GuestType.QEMU, 100).block();
    TaskSummary task = client().tasks("pve1", TaskSource.ALL, 50).block().get(0);

    assertThat(vm.vmid()).isEqualTo(100); // the guest in the path, not guest 0
    assertThat(vm.lock()).isEmpty();
    assertThat(vm.pid()).isEmpty();
    assertThat(task.starttime()).isEqualTo(0x66A1B2C3L); // the UPID's, not the epoch
    assertThat(task.endtime()).isEmpty();
  }

  @Test
  void aListedGuestWithoutAVmidIsUnreadableNotGuestZero() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/nodes/pve1/qemu"))
            .willReturn(json("{\"data\":[{\"status\":\"running\",\"name\":\"web\"}]}")));

    assertThatThrownBy(() -> client().guests("pve1", GuestType.QEMU).block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("unreadable answer");
  }

  @Test
  void readsTheCapitalisedSubscriptionStatusOfPveBefore73() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/nodes/pve1/subscription"))
            .willReturn(
                json(
                    "{\"data\":{\"status\":\"Active\",\"level\":\"c\",\"productname\":\"Proxmox VE Community Subscription 1 CPU/year\","
                        + "\"nextduedate\":\"2027-01-31\",\"serverid\":\"A1B2C3\",\"key\":\"pve1c-0123456789\"}}")));

    Subscription subscription = client().subscription("pve1").block();

    assertThat(subscription.isActive()).isTrue();
    assertThat(subscription.level()).contains("c");
    assertThat(subscription.toString()).doesNotContain("pve1c-0123456789");
  }

  @Test
  void readsAReasonOnlyErrorOfAnOlderServer() {
    wiremock.stubFor(
        post(urlPathEqualTo("/api2/json/nodes/pve1/qemu/100/status/reboot"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withStatusMessage("VM 100 not running")
                    .withBody("{\"data\":null}")));

    assertThatThrownBy(
            () -> client().power("pve1", GuestType.QEMU, 100, PowerAction.REBOOT).block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("lab: VM 100 not running");
  }

  @Test
  void proxyFailuresAreNodeUnreachable() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/nodes/pve3/status"))
            .willReturn(
                aResponse()
                    .withStatus(595)
                    .withStatusMessage(
                        "Errors during connection establishment, proxy handshake: No route to host")));

    assertThatThrownBy(() -> client().nodeStatus("pve3").block())
        .isInstanceOf(NodeUnreachableException.class)
        .hasMessageContaining("No route to host");
  }

  @Test
  void anEmpty401IsAnAuthenticationError() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/version"))
            .willReturn(aResponse().withStatus(401).withStatusMessage("No ticket")));

    assertThatThrownBy(() -> client().version().block())
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessage("lab: No ticket");
  }

  @Test
  void aHangingServerTimesOut() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/version"))
            .willReturn(json("{\"data\":{}}").withFixedDelay(5_000)));
    ClientSettings quick = ClientSettings.defaults().withResponseTimeout(Duration.ofMillis(300));

    assertThatThrownBy(() -> client(quick).version().block())
        .isInstanceOfSatisfying(
            RemoteUnreachableException.class,
            e -> assertThat(e.attempts()).singleElement().asString().contains("timed out"));
  }

  @Test
  void aDribblingBodyIsCutOffByTheOverallTimeout() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/cluster/resources"))
            .willReturn(
                json("{\"data\":["
                        + "{\"id\":\"node/x\",\"type\":\"node\"},".repeat(50)
                        + "{\"id\":\"node/y\",\"type\":\"node\"}]}")
                    .withChunkedDribbleDelay(20, 5_000)));
    ClientSettings quick = ClientSettings.defaults().withOverallTimeout(Duration.ofMillis(700));

    assertThatThrownBy(() -> client(quick).clusterInventory().block())
        .isInstanceOf(RemoteUnreachableException.class);
  }

  @Test
  void aCallThatFindsThePoolFullIsNotSentAndSaysTheControllerIsBusy() throws Exception {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/version"))
            .willReturn(json("{\"data\":{\"version\":\"8.2.4\"}}").withFixedDelay(1_500)));
    ConnectionProvider oneConnection =
        ConnectionProvider.builder("contract").maxConnections(1).pendingAcquireMaxCount(0).build();
    try {
      ApiEndpoint endpoint =
          ApiEndpoint.pinned(URI.create("https://localhost:" + wiremock.httpsPort()), fingerprint);
      PveClient client =
          new WebPveClient(
              new ProxmoxTransport(
                  new RemoteConnection("lab", Product.PVE, List.of(endpoint), TOKEN),
                  ClientSettings.defaults(),
                  oneConnection));
      var first = client.version().toFuture(); // holds the one connection for 1.5 s
      Thread.sleep(300);

      assertThatThrownBy(() -> client.version().block(Duration.ofSeconds(10)))
          .isInstanceOf(RemoteUnreachableException.class)
          .hasMessageContaining("no free connection in the controller's pool");
      // Nothing left the machine, so a change is refused as not sent, never 'outcome unknown'.
      assertThatThrownBy(
              () ->
                  client
                      .power("pve1", GuestType.QEMU, 100, PowerAction.START)
                      .block(Duration.ofSeconds(10)))
          .isInstanceOf(RemoteUnreachableException.class)
          .hasMessageContaining("controller is busy");
      assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).version()).isEqualTo("8.2.4");
      wiremock.verify(
          0, postRequestedFor(urlPathEqualTo("/api2/json/nodes/pve1/qemu/100/status/start")));
    } finally {
      oneConnection.disposeLater().block(Duration.ofSeconds(5));
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }
}
