package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.pdmgitops.simulator.PveHttp.Reply;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The simulator speaks PVE's wire format over real HTTPS: envelopes, 0/1 booleans, reason phrases,
 * token auth and the power semantics of the reference. Checked with a plain Netty client,
 * independent of the product's client.
 */
class SimulatedPveIT {
  static final String FLEET =
      """
      taskDuration: 200ms
      clusters:
        - name: lab
          certificate: sim-4
          listen: [0, 0]
          nodes:
            - {name: pve1}
            - {name: pve2}
          storages:
            - {name: local-lvm, type: lvmthin, size: 1TiB, used: 100GiB}
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running, tags: [prod, web], pool: prod}
            - {vmid: 101, name: db, type: qemu, node: pve2, status: stopped}
            - {vmid: 102, name: cache, type: lxc, node: pve1, status: running}
            - {vmid: 9000, name: tpl, type: qemu, node: pve1, status: stopped, template: true}
          tokens:
            - {id: ctl@pve!ctl, secret: 5e2c-ctl-secret, role: admin}
            - {id: ro@pve!ro, secret: ro-secret, role: audit}
      """;
  static final String ADMIN = "PVEAPIToken=ctl@pve!ctl=5e2c-ctl-secret";
  static final String AUDIT = "PVEAPIToken=ro@pve!ro=ro-secret";

  static SimulatedFleet fleet;
  static PveHttp http;

  @BeforeAll
  static void start() throws Exception {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    http = new PveHttp(fleet.endpoints("lab").get(0));
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static Reply call(String method, String path, String auth, String form) {
    return http.call(method, path, auth, form);
  }

  @Test
  void versionIsInAnEnvelope() {
    Reply reply = call("GET", "/version", ADMIN, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/data/version").asString()).isEqualTo("8.2.4");
    assertThat(reply.json().at("/data/release").asString()).isEqualTo("8.2");
  }

  @Test
  void missingAndWrongTokensAre401() {
    assertThat(call("GET", "/version", null, null).status()).isEqualTo(401);
    assertThat(call("GET", "/version", null, null).reason()).isEqualTo("No ticket");
    Reply wrong = call("GET", "/version", "PVEAPIToken=ctl@pve!ctl=nope", null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("message").asString()).isEqualTo("Authentication failed!\n");
  }

  @Test
  void aSpaceMayStandForTheFirstEqualsSign() {
    assertThat(call("GET", "/version", "PVEAPIToken ctl@pve!ctl=5e2c-ctl-secret", null).status())
        .isEqualTo(200);
  }

  @Test
  void clusterResourcesUseIntegersForBooleansAndSemicolonTags() {
    JsonNode data = call("GET", "/cluster/resources?type=vm", ADMIN, null).json().get("data");

    JsonNode web = find(data, "qemu/100");
    assertThat(web.get("template").isInt()).isTrue();
    assertThat(web.get("template").asInt()).isZero();
    assertThat(web.get("tags").asString()).isEqualTo("prod;web");
    assertThat(web.get("pool").asString()).isEqualTo("prod");
    assertThat(data.size()).isEqualTo(4);
  }

  @Test
  void unknownPathsAre501AndBadParametersAre400WithTheErrorsMap() {
    Reply unknown = call("GET", "/cluster/nope", ADMIN, null);
    assertThat(unknown.status()).isEqualTo(501);
    assertThat(unknown.reason()).isEqualTo("Method 'GET /cluster/nope' not implemented");

    Reply bad = call("GET", "/cluster/resources?type=vms", ADMIN, null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/errors/type").asString()).contains("enumeration");

    Reply boolTrue =
        call("POST", "/nodes/pve2/qemu/101/status/stop", ADMIN, "overrule-shutdown=true");
    assertThat(boolTrue.status()).isEqualTo(400);
    assertThat(boolTrue.json().at("/errors/overrule-shutdown").asString())
        .isEqualTo("type check ('boolean') failed - got 'true'");
  }

  @Test
  void aVmidBelow100IsAParameterError() {
    Reply reply = call("GET", "/nodes/pve1/qemu/42/status/current", ADMIN, null);

    // pve-vmid's format check runs before the minimum, and a die text keeps its newline.
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().at("/errors/vmid").asString())
        .isEqualTo("invalid format - value does not look like a valid VM ID\n");
  }

  @Test
  void anAuditTokenCannotChangePower() {
    Reply reply = call("POST", "/nodes/pve2/qemu/101/status/start", AUDIT, "");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.reason()).isEqualTo("Permission check failed (/vms/101, VM.PowerMgmt)");
  }

  @Test
  void startingARunningVmGivesAUpidWhoseTaskFails() {
    Reply reply = call("POST", "/nodes/pve1/qemu/100/status/start", ADMIN, "");

    assertThat(reply.status()).isEqualTo(200);
    String upid = reply.json().get("data").asString();
    assertThat(upid).startsWith("UPID:pve1:").contains(":qmstart:100:ctl@pve!ctl:");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(taskStatus("pve1", upid).path("exitstatus").asString())
                    .isEqualTo("VM 100 already running"));
  }

  @Test
  void startingARunningContainerIsRefusedAtOnce() {
    Reply reply = call("POST", "/nodes/pve1/lxc/102/status/start", ADMIN, "");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.reason()).isEqualTo("CT 102 already running");
    assertThat(reply.json().get("message").asString()).isEqualTo("CT 102 already running\n");
  }

  @Test
  void startingATemplateFailsInTheTask() {
    String upid =
        call("POST", "/nodes/pve1/qemu/9000/status/start", ADMIN, "").json().get("data").asString();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(taskStatus("pve1", upid).path("exitstatus").asString())
                    .isEqualTo("you can't start a vm if it's a template"));
  }

  @Test
  void aLockedVmFailsInTheWorkerAndStartsOnceUnlocked() {
    fleet.cluster("lab").setLock(101, "backup");
    String failed =
        call("POST", "/nodes/pve2/qemu/101/status/start", ADMIN, "").json().get("data").asString();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(taskStatus("pve2", failed).path("exitstatus").asString())
                    .isEqualTo("VM is locked (backup)"));
    assertThat(fleet.cluster("lab").guest(101).orElseThrow().status()).isEqualTo("stopped");

    fleet.cluster("lab").setLock(101, null);
    String upid =
        call("POST", "/nodes/pve2/qemu/101/status/start", ADMIN, "").json().get("data").asString();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(taskStatus("pve2", upid).path("exitstatus").asString()).isEqualTo("OK"));
    assertThat(fleet.cluster("lab").guest(101).orElseThrow().status()).isEqualTo("running");
    JsonNode log = call("GET", "/nodes/pve2/tasks/" + encode(upid) + "/log", ADMIN, null).json();
    assertThat(log.get("data").get(log.get("total").asInt() - 1).get("t").asString())
        .isEqualTo("TASK OK");
    call("POST", "/nodes/pve2/qemu/101/status/stop", ADMIN, "");
  }

  @Test
  void anOfflineNodeAnswers595() {
    fleet.cluster("lab").setNodeOnline("pve2", false);
    try {
      Reply reply = call("GET", "/nodes/pve2/qemu", ADMIN, null);

      assertThat(reply.status()).isEqualTo(595);
      assertThat(reply.body()).isEmpty();
    } finally {
      fleet.cluster("lab").setNodeOnline("pve2", true);
    }
  }

  @Test
  void theCertificateIsTheShippedOneAndRotates() throws Exception {
    assertThat(presentedFingerprint()).isEqualTo(fleet.fingerprint("lab"));
    assertThat(fleet.fingerprint("lab"))
        .isEqualTo(
            "33:9D:17:22:6D:44:5E:82:0B:61:7E:A4:59:44:5C:E6:FE:8D:C2:C1:3A:DD:9B:B9:64:CC:C9:3A:E0:E5:90:92");

    fleet.rotateCertificate("lab", "sim-5");
    try {
      assertThat(presentedFingerprint()).startsWith("A6:7B:15:3C");
    } finally {
      fleet.rotateCertificate("lab", "sim-4");
    }
  }

  private static String presentedFingerprint() throws Exception {
    URI endpoint = fleet.endpoints("lab").get(1);
    var context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
    try (var socket =
        (javax.net.ssl.SSLSocket)
            context.getSocketFactory().createSocket(endpoint.getHost(), endpoint.getPort())) {
      socket.startHandshake();
      Certificate cert = socket.getSession().getPeerCertificates()[0];
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
  }

  private static JsonNode taskStatus(String node, String upid) {
    return call("GET", "/nodes/" + node + "/tasks/" + encode(upid) + "/status", ADMIN, null)
        .json()
        .get("data");
  }

  private static String encode(String upid) {
    return java.net.URLEncoder.encode(upid, StandardCharsets.UTF_8);
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode entry : array) {
      if (entry.get("id").asString().equals(id)) {
        return entry;
      }
    }
    throw new AssertionError("no resource " + id);
  }
}
