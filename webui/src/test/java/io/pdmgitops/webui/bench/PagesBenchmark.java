package io.pdmgitops.webui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.api.ApiRoutes;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.pages.PageRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Server time of the pages and the API with 100,000 resources in the fleet table: the request
 * handled in-process (routing, query, rendering or JSON), no network. Also the size of what is
 * sent, which must not grow with the fleet. Run with {@code ./mvnw -B -ntp -pl webui -Pbench test}.
 */
class PagesBenchmark {
  static final int GUESTS_PER_REMOTE = 49_998; // two remotes: 100,000 rows with remotes and nodes
  static final int WARMUP = 20;
  static final int RUNS = 50;

  @Test
  void pagesAndApiWithOneHundredThousandResources() throws Exception {
    FleetSnapshot fleet = TestFleet.of(GUESTS_PER_REMOTE);
    assertThat(fleet.resources()).hasSize(100_000);
    FleetStatusPort status =
        new FleetStatusPort() {
          @Override
          public Mono<StatusView> status() {
            return Mono.just(StatusView.empty());
          }

          @Override
          public Mono<List<ResourceView>> drift() {
            return Mono.just(List.of());
          }
        };
    WebTestClient pages =
        io.pdmgitops.webui.pages.PageClientAccess.of(
            PageRoutes.routes(
                io.pdmgitops.webui.TestPorts.defaults().status(status).fleet(() -> fleet).build()));
    WebTestClient api =
        WebTestClient.bindToRouterFunction(
                ApiRoutes.routes(
                    io.pdmgitops.webui.TestPorts.defaults()
                        .status(status)
                        .fleet(() -> fleet)
                        .build()))
            .webFilter(io.pdmgitops.webui.TestViewers.seeingEverything())
            .build();

    Map<String, Measured> results = new LinkedHashMap<>();
    results.put("dashboard `/`", measure(pages, "/"));
    results.put("resources page, first page `/resources`", measure(pages, "/resources"));
    results.put(
        "resources page, a search `/resources?search=+type:lxc +status:stopped tag:prod`",
        measure(pages, "/resources?search={s}", "+type:lxc +status:stopped tag:prod"));
    results.put("API `/api/v1/resources` (50 rows)", measure(api, "/api/v1/resources"));
    results.put(
        "API, a search sorted by CPU, 500 rows",
        measure(api, "/api/v1/resources?search={s}&sort=cpu&dir=desc&size=500", "sync:out"));

    StringBuilder report = new StringBuilder();
    results.forEach(
        (name, m) ->
            report.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f ms | %.1f ms | %d KiB |%n",
                    name,
                    m.median(),
                    m.p90(),
                    m.bytes() / 1024)));
    System.out.println("BENCHMARK\n" + report);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/pages.md"), report.toString());
  }

  record Measured(double median, double p90, int bytes) {}

  static Measured measure(WebTestClient client, String uri, Object... variables) {
    int bytes = 0;
    for (int i = 0; i < WARMUP; i++) {
      bytes = fetch(client, uri, variables);
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      bytes = fetch(client, uri, variables);
      times.add(System.nanoTime() - start);
    }
    Collections.sort(times);
    return new Measured(times.get(RUNS / 2) / 1e6, times.get((int) (RUNS * 0.9)) / 1e6, bytes);
  }

  static int fetch(WebTestClient client, String uri, Object... variables) {
    byte[] body =
        client
            .get()
            .uri(uri, variables)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return body == null ? 0 : body.length;
  }
}
