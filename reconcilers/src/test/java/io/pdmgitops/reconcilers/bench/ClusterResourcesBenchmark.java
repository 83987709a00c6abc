package io.pdmgitops.reconcilers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.TlsProbe;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.WebPveClient;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.FleetGenerator;
import io.pdmgitops.simulator.http.ApiRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One {@code /cluster/resources} of a 5,000-guest cluster: the simulator's own handling time, the
 * floor of a plain JDK HttpClient GET that reads the body without parsing it, and our client's
 * fetch-and-parse into records. Run with {@code ./mvnw -pl reconcilers -Pbench test}.
 */
class ClusterResourcesBenchmark {
  private static final int GUESTS = 5_000;
  private static final int WARMUP = 30;
  private static final int RUNS = 100;

  @Test
  void clusterResourcesOfFiveThousandGuests() throws Exception {
    try (SimulatedFleet fleet =
        SimulatedFleet.start(
            FleetConfigReader.parse(
                "generate: {clusters: 1, nodesPerCluster: 8, guestsPerCluster: " + GUESTS + "}"))) {
      URI endpoint = fleet.endpoints("gen-1").get(0);
      String header =
          "PVEAPIToken=" + FleetGenerator.TOKEN.id() + "=" + FleetGenerator.TOKEN.secret();
      ProxmoxTransport transport =
          new ProxmoxTransport(
              new RemoteConnection(
                  "gen-1",
                  Product.PVE,
                  List.of(ApiEndpoint.pinned(endpoint, fleet.fingerprint("gen-1"))),
                  new ApiToken(FleetGenerator.TOKEN.id(), FleetGenerator.TOKEN.secret())),
              ClientSettings.defaults());
      PveClient client = new WebPveClient(transport);
      HttpClient plain = HttpClient.newBuilder().sslContext(TlsProbe.trustEverything()).build();
      HttpRequest request =
          HttpRequest.newBuilder(endpoint.resolve("/api2/json/cluster/resources"))
              .header("Authorization", header)
              .build();
      ApiRequest inProcess =
          new ApiRequest("GET", "/cluster/resources", Map.of(), Optional.of(header));

      Supplier<Integer> server = () -> fleet.cluster("gen-1").handle(inProcess).data().size();
      Supplier<Integer> floor = () -> send(plain, request).length;
      Supplier<Integer> ours = () -> client.clusterInventory().block().guests().size();
      Supplier<Integer> fetchOnly =
          () -> transport.get("/cluster/resources", Map.of()).block().size();
      for (int i = 0; i < WARMUP; i++) {
        server.get();
        floor.get();
        ours.get();
        fetchOnly.get();
      }
      List<Long> serverTimes = new ArrayList<>();
      List<Long> floorTimes = new ArrayList<>();
      List<Long> clientTimes = new ArrayList<>();
      List<Long> fetchTimes = new ArrayList<>();
      int bytes = 0;
      int rows = 0;
      for (int i = 0; i < RUNS; i++) {
        serverTimes.add(time(server));
        long start = System.nanoTime();
        bytes = floor.get();
        floorTimes.add(System.nanoTime() - start);
        start = System.nanoTime();
        rows = ours.get();
        clientTimes.add(System.nanoTime() - start);
        fetchTimes.add(time(fetchOnly));
      }
      assertThat(client.clusterInventory().block().guests()).hasSize(GUESTS);

      String report =
          String.format(
              Locale.ROOT,
              "| /cluster/resources, %d guests, %d rows, %d KiB | simulator handling %.1f ms |"
                  + " floor (JDK HttpClient GET, no parsing) %.1f ms | client fetch only %.1f ms |"
                  + " client fetch + parse %.1f ms | ratio %.2f |",
              GUESTS,
              rows,
              bytes / 1024,
              median(serverTimes),
              median(floorTimes),
              median(fetchTimes),
              median(clientTimes),
              median(clientTimes) / median(floorTimes));
      System.out.println("BENCHMARK " + report);
      Files.createDirectories(Path.of("target/benchmarks"));
      Files.writeString(Path.of("target/benchmarks/cluster-resources.md"), report + "\n");
    }
  }

  private static long time(Supplier<Integer> work) {
    long start = System.nanoTime();
    work.get();
    return System.nanoTime() - start;
  }

  private static byte[] send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
