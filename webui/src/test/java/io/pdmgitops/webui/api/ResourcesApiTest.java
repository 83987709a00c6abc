package io.pdmgitops.webui.api;

import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.TestPorts;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GET /api/v1/resources: search, sort and paging of the fleet table, and its bad requests. */
class ResourcesApiTest {
  static final FleetSnapshot FLEET = TestFleet.of(1_000);

  final WebTestClient client =
      WebTestClient.bindToRouterFunction(
              ApiRoutes.routes(
                  TestPorts.defaults()
                      .fleet(() -> FLEET)
                      .remotes(TestPorts.remotes(List.of(TestRemotes.REMOTE_DOWN), List.of()))
                      .build()))
          .webFilter(io.pdmgitops.webui.TestViewers.seeingEverything())
          .build();

  @Test
  void aSearchReturnsOnePageAndTheTotal() {
    client
        .get()
        .uri("/api/v1/resources?search={s}&sort=vmid&dir=desc&size=10", "+type:qemu +remote:west")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(666)
        .jsonPath("$.pages")
        .isEqualTo(67)
        .jsonPath("$.items.length()")
        .isEqualTo(10)
        .jsonPath("$.items[0].id")
        .isEqualTo("remote/west/guest/1098")
        .jsonPath("$.items[0].type")
        .isEqualTo("qemu")
        .jsonPath("$.items[0].remoteType")
        .isEqualTo("pve")
        .jsonPath("$.observedAt")
        .isEqualTo("2026-11-23T12:00:00Z");
  }

  @Test
  void gitOpsCategoriesAndViewsFilterToo() {
    client
        .get()
        .uri("/api/v1/resources?search={s}&size=500", "+sync:out-of-sync +view:west")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(100) // the view includes west and excludes tag=lab
        .jsonPath("$.items[0].sync")
        .isEqualTo("OUT_OF_SYNC")
        .jsonPath("$.items[0].declared")
        .isEqualTo("west-vm-100");
  }

  @Test
  void aPageBeyondTheEndIsEmptyNotAnError() {
    client
        .get()
        .uri("/api/v1/resources?page=999&size=500")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(2_004)
        .jsonPath("$.items.length()")
        .isEqualTo(0);
  }

  @Test
  void remotesListTheirStateAndBackOff() {
    client
        .get()
        .uri("/api/v1/remotes")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].name")
        .isEqualTo("west")
        .jsonPath("$[0].reason")
        .isEqualTo("CERTIFICATE")
        .jsonPath("$[0].nextPoll")
        .isEqualTo("2026-11-23T12:00:40Z")
        .jsonPath("$[0].endpoints[0].fingerprint")
        .isEqualTo("AA:BB");
  }

  @Test
  void commitsTakeABoundedLimit() {
    client.get().uri("/api/v1/commits?limit=10").exchange().expectStatus().isOk();
    client
        .get()
        .uri("/api/v1/commits?limit=100000")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.parameter")
        .isEqualTo("limit")
        .jsonPath("$.detail")
        .isEqualTo("limit must be between 1 and 200, not 100000");
  }

  @Test
  void badParametersAreProblemDetailsNamingTheParameter() {
    expectProblem(
        "/api/v1/resources?search=colour:red",
        "search",
        "unknown category 'colour' at column 1; use one of: type, name, id, remote, status,"
            + " template, remote-type, property, view, sync, health, tag, node, pool");
    expectProblem(
        "/api/v1/resources?search=view:nope", "search", "no view named 'nope'; views are: west");
    expectProblem(
        "/api/v1/resources?sort=colour",
        "sort",
        "cannot sort by 'colour'; use one of: name, type, remote, node, vmid, status, sync,"
            + " health, cpu, memory, disk");
    expectProblem("/api/v1/resources?dir=up", "dir", "dir is asc or desc, not 'up'");
    expectProblem(
        "/api/v1/resources?page=0", "page", "page must be between 1 and 2147483647, not 0");
    expectProblem("/api/v1/resources?size=501", "size", "size must be between 1 and 500, not 501");
    expectProblem("/api/v1/resources?size=ten", "size", "size must be a whole number, not 'ten'");
  }

  void expectProblem(String uri, String parameter, String detail) {
    client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.title")
        .isEqualTo("Bad query parameter")
        .jsonPath("$.type")
        .isEqualTo("https://pdm-gitops.io/problems/bad-query")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/resources")
        .jsonPath("$.parameter")
        .isEqualTo(parameter)
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }
}
