package io.pdmgitops.reconcilers.pbs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.reconcilers.api.TlsProbe;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PBS's recorded shapes: colon token header, kebab-case keys, nulls in history, text errors. */
class PbsContractTest {
  static WireMockServer wiremock;
  static PbsClient client;

  @BeforeAll
  static void start() throws Exception {
    wiremock =
        new WireMockServer(WireMockConfiguration.options().dynamicHttpsPort().httpDisabled(true));
    wiremock.start();
    ApiEndpoint endpoint =
        ApiEndpoint.pinned(
            URI.create("https://localhost:" + wiremock.httpsPort()),
            TlsProbe.fingerprint("localhost", wiremock.httpsPort()));
    client =
        new WebPbsClient(
            new ProxmoxTransport(
                new RemoteConnection(
                    "pbs", Product.PBS, List.of(endpoint), new ApiToken("ctl@pbs!ctl", "4b1d-pbs")),
                ClientSettings.defaults()));
  }

  @AfterAll
  static void stop() {
    wiremock.stop();
  }

  @Test
  void readsUsageWithGapsInTheHistoryAndAStoreInError() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/status/datastore-usage"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"data\":[{\"store\":\"store1\",\"total\":1000,\"used\":250,\"avail\":750,"
                            + "\"history\":[0.2,null,0.25],\"history-start\":1700000000,\"history-delta\":86400,"
                            + "\"estimated-full-date\":1800000000},{\"store\":\"usb\",\"error\":\"datastore is not mounted\"}]}")));

    List<DatastoreUsage> usage = client.datastoreUsage().block();

    assertThat(usage.get(0).history()).containsExactly(0.2, null, 0.25);
    assertThat(usage.get(0).usage()).contains(0.25);
    assertThat(usage.get(0).estimatedFullDate()).contains(1800000000L);
    assertThat(usage.get(1).total()).isEmpty();
    assertThat(usage.get(1).error()).contains("datastore is not mounted");
    wiremock.verify(
        getRequestedFor(urlEqualTo("/api2/json/status/datastore-usage"))
            .withHeader("Authorization", equalTo("PBSAPIToken=ctl@pbs!ctl:4b1d-pbs")));
  }

  @Test
  void aPlainTextErrorBodyIsTheMessage() {
    wiremock.stubFor(
        get(urlEqualTo("/api2/json/admin/datastore"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("unable to read datastore config - permission denied")));

    assertThatThrownBy(() -> client.datastores().block())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("pbs: unable to read datastore config - permission denied");
  }
}
