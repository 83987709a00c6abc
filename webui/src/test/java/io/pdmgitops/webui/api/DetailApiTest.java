package io.pdmgitops.webui.api;

import static io.pdmgitops.webui.TestDetails.UPID_OURS;
import static io.pdmgitops.webui.TestDetails.UPID_RUNNING;

import io.pdmgitops.webui.TestDetails;
import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The detail endpoints: a guest in full and its RRD history, a remote with its nodes, the fleet's
 * tasks with filters, a task log; and their 400, 404 and 502 answers as problem details.
 */
class DetailApiTest {
  static final FleetSnapshot FLEET = TestFleet.of(200);

  final WebTestClient client =
      WebTestClient.bindToRouterFunction(ApiRoutes.routes(TestDetails.ports(FLEET).build()))
          .webFilter(io.pdmgitops.webui.TestViewers.seeingEverything())
          .build();

  @Test
  void aGuestComesWithItsDeclarationVerdictObservedStateAndActions() {
    client
        .get()
        .uri("/api/v1/guests/east/100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.resource.id")
        .isEqualTo("remote/east/guest/100")
        .jsonPath("$.declaration.file")
        .isEqualTo("guests.yaml")
        .jsonPath("$.declaration.line")
        .isEqualTo(7)
        .jsonPath("$.declaration.commit")
        .isEqualTo(TestDetails.SHA)
        .jsonPath("$.declaration.firstLine")
        .isEqualTo(5)
        .jsonPath("$.declaration.yaml")
        .isEqualTo(
            String.join("\n", TestDetails.GUESTS_YAML.subList(4, TestDetails.GUESTS_YAML.size())))
        .jsonPath("$.verdict.drifts[0].field")
        .isEqualTo("power")
        .jsonPath("$.next")
        .isEqualTo("will shut it down")
        .jsonPath("$.observed[0].field")
        .isEqualTo("node")
        .jsonPath("$.actions[0].upid")
        .isEqualTo(UPID_OURS);
  }

  @Test
  void anUnknownGuestIsA404AndABadVmidA400() {
    problem("/api/v1/guests/east/555", 404)
        .jsonPath("$.detail")
        .isEqualTo("no guest 555 on remote east");
    problem("/api/v1/guests/east/abc", 400)
        .jsonPath("$.parameter")
        .isEqualTo("vmid")
        .jsonPath("$.detail")
        .isEqualTo("vmid must be a whole number, not 'abc'");
    problem("/api/v1/guests/east/99", 400)
        .jsonPath("$.detail")
        .isEqualTo("vmid must be between 100 and 999999999, not 99");
  }

  @Test
  void rrdDataIsColumnsWithGapsKept() {
    client
        .get()
        .uri("/api/v1/guests/east/100/rrddata?timeframe=day")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.timeframe")
        .isEqualTo("day")
        .jsonPath("$.time.length()")
        .isEqualTo(2)
        .jsonPath("$.series.cpu[0]")
        .isEqualTo(0.25)
        .jsonPath("$.series.cpu.length()")
        .isEqualTo(2)
        .jsonPath("$.series.cpu[1]")
        .isEmpty();
  }

  @Test
  void rrdDataProblems() {
    problem("/api/v1/guests/east/100/rrddata?timeframe=decade", 400)
        .jsonPath("$.parameter")
        .isEqualTo("timeframe")
        .jsonPath("$.detail")
        .isEqualTo("timeframe must be one of hour, day, week, month, year, not 'decade'");
    problem("/api/v1/guests/west/100/rrddata", 502)
        .jsonPath("$.detail")
        .isEqualTo("west is offline: connection refused")
        .jsonPath("$.type")
        .isEqualTo("https://pdm-gitops.io/problems/remote-read");
    problem("/api/v1/guests/east/555/rrddata", 404);
  }

  @Test
  void aRemoteComesWithTheEndpointThatAnswersAndItsNodes() {
    client
        .get()
        .uri("/api/v1/remotes/east")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.remote.name")
        .isEqualTo("east")
        .jsonPath("$.answering")
        .isEqualTo("https://east-2.example:8006")
        .jsonPath("$.nodes[0].name")
        .isEqualTo("east-1")
        .jsonPath("$.nodes[0].usage.maxcpu")
        .isEqualTo(32.0);
    problem("/api/v1/remotes/nope", 404).jsonPath("$.detail").isEqualTo("no remote named nope");
  }

  @Test
  void tasksAreFilteredNewestFirstWithTheRemotesThatDidNotAnswer() {
    client
        .get()
        .uri("/api/v1/tasks")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(3)
        .jsonPath("$.tasks[0].upid")
        .isEqualTo(UPID_RUNNING)
        .jsonPath("$.tasks[0].state")
        .isEqualTo("RUNNING")
        .jsonPath("$.failures[0].remote")
        .isEqualTo("west");
    client
        .get()
        .uri("/api/v1/tasks?state=problem")
        .exchange()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(1)
        .jsonPath("$.tasks[0].type")
        .isEqualTo("qmstart");
    client
        .get()
        .uri("/api/v1/tasks?mine=true")
        .exchange()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(1)
        .jsonPath("$.tasks[0].commit")
        .isEqualTo(TestDetails.SHA)
        .jsonPath("$.tasks[0].resource")
        .isEqualTo("Guest/east-vm-100");
    client
        .get()
        .uri("/api/v1/tasks?type=qm&id=101&limit=1")
        .exchange()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(1)
        .jsonPath("$.tasks[0].upid")
        .isEqualTo(TestDetails.UPID_FAILED);
    client
        .get()
        .uri("/api/v1/tasks?type=qm&limit=1")
        .exchange()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(2)
        .jsonPath("$.tasks.length()")
        .isEqualTo(1);
  }

  @Test
  void badTaskFiltersAreProblemDetails() {
    problem("/api/v1/tasks?state=done", 400)
        .jsonPath("$.parameter")
        .isEqualTo("state")
        .jsonPath("$.detail")
        .isEqualTo("state must be one of running, ok, warning, failed or problem, not 'done'");
    problem("/api/v1/tasks?limit=0", 400).jsonPath("$.parameter").isEqualTo("limit");
    problem("/api/v1/tasks?mine=yes", 400).jsonPath("$.parameter").isEqualTo("mine");
  }

  @Test
  void aTaskLogSaysWhetherItWasCut() {
    client
        .get()
        .uri("/api/v1/remotes/east/tasks/{upid}/log", UPID_OURS)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.lines[1]")
        .isEqualTo("TASK OK")
        .jsonPath("$.total")
        .isEqualTo(7000)
        .jsonPath("$.truncated")
        .isEqualTo(true);
    problem("/api/v1/remotes/east/tasks/UPID:nope/log", 404);
    problem("/api/v1/remotes/west/tasks/{upid}/log", 502, UPID_OURS);
  }

  WebTestClient.BodyContentSpec problem(String uri, int status, Object... variables) {
    return client
        .get()
        .uri(uri, variables)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status);
  }
}
