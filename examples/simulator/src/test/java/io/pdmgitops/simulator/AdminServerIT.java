package io.pdmgitops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.ProxyFailure;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin endpoint sets faults and state at runtime, for tests in another process. */
class AdminServerIT {
  static SimulatedFleet fleet;
  static AdminServer admin;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(SimulatedPveIT.FLEET));
    admin = fleet.startAdmin(0);
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsRemotesWithEndpointsAndFingerprints() throws Exception {
    JsonNode remotes =
        JsonMapper.builder().build().readTree(send("GET", "/admin/remotes", null).body());

    assertThat(remotes.get(0).get("name").asString()).isEqualTo("lab");
    assertThat(remotes.get(0).get("fingerprint").asString()).isEqualTo(fleet.fingerprint("lab"));
    assertThat(remotes.get(0).get("endpoints").size()).isEqualTo(2);
  }

  @Test
  void takesARemoteDownAndBackUp() throws Exception {
    URI endpoint = fleet.endpoints("lab").get(0);

    assertThat(send("PUT", "/admin/remotes/lab/faults", "{\"down\": true}").statusCode())
        .isEqualTo(200);
    boolean refused;
    try (Socket ignored = new Socket(endpoint.getHost(), endpoint.getPort())) {
      refused = false;
    } catch (ConnectException e) {
      refused = true;
    }
    assertThat(refused).isTrue();

    send("PUT", "/admin/remotes/lab/faults", "{\"down\": false, \"latency\": \"10ms\"}");
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      assertThat(socket.isConnected()).isTrue();
    }
    send("PUT", "/admin/remotes/lab/faults", "{}");
  }

  @Test
  void locksAGuestAndShowsItsState() throws Exception {
    send("POST", "/admin/remotes/lab/guests/101/lock/backup", null);

    JsonNode guest =
        JsonMapper.builder()
            .build()
            .readTree(send("GET", "/admin/remotes/lab/guests/101", null).body());
    assertThat(guest.get("lock").asString()).isEqualTo("backup");

    send("POST", "/admin/remotes/lab/guests/101/lock/none", null);
    assertThat(fleet.cluster("lab").guest(101).orElseThrow().lock()).isEmpty();
  }

  @Test
  void refusesBadInputWith400() throws Exception {
    HttpResponse<String> reply = send("PUT", "/admin/remotes/lab/faults", "{\"latncy\": \"1s\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("latncy");
  }

  @Test
  void injectsA596ProxyFailureAndSetsSubscriptions() throws Exception {
    send(
        "PUT",
        "/admin/remotes/lab/faults",
        "{\"paths\": {\"/nodes/pve2\": {\"proxyFailure\": \"broken-pipe\"}}}");
    try {
      assertThat(fleet.cluster("lab").faults().forPath("/nodes/pve2/qemu").proxyFailure())
          .isEqualTo(ProxyFailure.BROKEN_PIPE);
      PveHttp.Reply reply =
          new PveHttp(fleet.endpoints("lab").get(0))
              .call("GET", "/nodes/pve2/qemu", SimulatedPveIT.ADMIN, null);
      assertThat(reply.status()).isEqualTo(596);
      assertThat(reply.reason()).isEqualTo("Broken pipe");
    } finally {
      send("PUT", "/admin/remotes/lab/faults", "{}");
    }

    assertThat(send("POST", "/admin/remotes/lab/nodes/pve1/subscription/active", null).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/admin/remotes/lab/nodes/pve1/subscription/gold", null).statusCode())
        .isEqualTo(400);
  }
}
