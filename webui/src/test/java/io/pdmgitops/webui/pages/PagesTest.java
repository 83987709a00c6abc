package io.pdmgitops.webui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.TestPorts;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.HistoryEntry;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The dashboard and the resources page render what the fleet table holds. */
class PagesTest {
  static final FleetSnapshot FLEET = TestFleet.of(1_000);
  static final StatusView STATUS =
      new StatusView(
          Map.of(),
          Map.of(),
          List.of(),
          Optional.of(
              new StatusView.CommitView(
                  "0123456789abcdef",
                  "Alice <alice@corp.example>",
                  "Stop db for maintenance",
                  "2026-11-23T11:59:00Z",
                  false,
                  List.of(
                      new StatusView.ProblemView(
                          "error",
                          "guests.yaml",
                          3,
                          10,
                          "'stoped' is not one of: running, stopped",
                          Optional.empty())))),
          Optional.empty(),
          false,
          Optional.empty(),
          List.of(
              new StatusView.ConditionView(
                  "store-unavailable",
                  "error",
                  "status store",
                  "No space left on device",
                  "2026-11-23T11:58:00Z")));

  static ResourceView declared(
      String name,
      String sync,
      String health,
      String policy,
      boolean actionable,
      List<ResourceView.DriftView> drifts,
      String remote) {
    return new ResourceView(
        "Guest",
        name,
        sync,
        health,
        policy,
        actionable,
        "",
        drifts,
        Optional.ofNullable(remote),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static final List<ResourceView> DRIFT =
      List.of(
          declared("web", "SYNCED", "HEALTHY", "enforce", true, List.of(), "east"),
          declared(
              "db",
              "OUT_OF_SYNC",
              "HEALTHY",
              "enforce",
              true,
              List.of(new ResourceView.DriftView("power", "stopped", "running")),
              "east"),
          declared(
              "erp",
              "OUT_OF_SYNC",
              "HEALTHY",
              "report",
              true,
              List.of(new ResourceView.DriftView("power", "running", "stopped")),
              "east"),
          declared("gone", "OUT_OF_SYNC", "MISSING", "enforce", false, List.of(), null),
          declared("far", "UNKNOWN", "UNKNOWN", "enforce", false, List.of(), "west"));

  static final List<HistoryEntry> HISTORY =
      List.of(
          new HistoryEntry(STATUS.lastCommit().orElseThrow(), "2026-11-23T11:59:30Z", List.of()),
          new HistoryEntry(
              new StatusView.CommitView(
                  "fedcba9876543210",
                  "Bob <bob@corp.example>",
                  "Stop web",
                  "2026-11-23T11:00:00Z",
                  true,
                  List.of()),
              "2026-11-23T11:00:05Z",
              List.of(
                  new HistoryEntry.Action(
                      "Guest/web",
                      "east",
                      "SHUTDOWN",
                      "FINISHED",
                      Optional.of("OK"),
                      Optional.of(
                          "UPID:pve1:0000A1B2:00C0FFEE:6741A2B3:qmshutdown:100:ctl@pve!ctl:"),
                      "2026-11-23T11:00:06Z"))));

  final WebTestClient client =
      PageClient.of(
          PageRoutes.routes(
              TestPorts.defaults()
                  .status(
                      new FleetStatusPort() {
                        @Override
                        public Mono<StatusView> status() {
                          return Mono.just(STATUS);
                        }

                        @Override
                        public Mono<List<ResourceView>> drift() {
                          return Mono.just(DRIFT);
                        }
                      })
                  .fleet(() -> FLEET)
                  .history(limit -> Mono.just(HISTORY.subList(0, Math.min(limit, HISTORY.size()))))
                  .remotes(
                      TestPorts.remotes(
                          List.of(io.pdmgitops.webui.api.TestRemotes.REMOTE_DOWN), List.of()))
                  .build()));

  String page(String uri, int status, Object... variables) {
    return PageClient.page(client, uri, status, variables);
  }

  static String count(String html, String name) {
    var m =
        java.util.regex.Pattern.compile("data-count=\"" + name + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as("count %s", name).isTrue();
    return m.group(1).strip();
  }

  @Test
  void theDashboardCountsTheFleet() {
    String html = page("/", 200);

    assertThat(count(html, "remotes-ok")).isEqualTo("2");
    assertThat(count(html, "remotes-failing")).isEqualTo("0");
    assertThat(count(html, "pve-nodes-online")).isEqualTo("2");
    assertThat(count(html, "qemu-running")).isEqualTo("1200");
    assertThat(count(html, "qemu-stopped")).isEqualTo("132");
    assertThat(count(html, "lxc-running")).isEqualTo("600");
    assertThat(count(html, "lxc-stopped")).isEqualTo("68");
    assertThat(count(html, "sync-synced")).isEqualTo("2");
    assertThat(count(html, "sync-out_of_sync")).isEqualTo("400");
    assertThat(html)
        .contains("Stop db for maintenance")
        .contains("rejected")
        .contains("1 problems");
    assertThat(html).contains("<script src=\"/webjars/htmx.org/dist/htmx.min.js\"");
  }

  @Test
  void theDashboardSaysFirstWhatNeedsAttention() {
    String html = page("/", 200);

    assertThat(html)
        .contains("Needs attention")
        .contains("data-condition=\"store-unavailable\"")
        .contains("No space left on device")
        .contains("since 2026-11-23 11:58:00");
    assertThat(html.indexOf("Needs attention")).isLessThan(html.indexOf("Declared in Git"));
  }

  @Test
  void theResourcesPageSearchesSortsAndPages() {
    String html =
        page("/resources?search={s}&sort=vmid&dir=desc", 200, "+type:lxc +status:stopped");

    assertThat(html).contains("data-total>68<");
    assertThat(html).contains("page <span>1</span> of <span>2</span>");
    assertThat(html).containsOnlyOnce("data-id=\"remote/east/guest/1090\"");
    assertThat(html.indexOf("remote/west/guest/1090"))
        .isLessThan(html.indexOf("remote/west/guest/1060"));
    assertThat(html)
        .contains(
            "rel=\"next\" href=\"/resources?dir=desc&amp;page=2&amp;search=%2Btype%3Alxc+%2Bstatus%3Astopped&amp;size=50&amp;sort=vmid\"");
    assertThat(html).contains("value=\"+type:lxc +status:stopped\"");
  }

  @Test
  void aBadSearchShowsTheProblemOnThePageWithStatus400() {
    String html = page("/resources?search=colour:red", 400);

    assertThat(html).contains("data-problem>unknown category &#39;colour&#39; at column 1");
    assertThat(html).doesNotContain("<table>");
  }

  @Test
  void theDriftPageGroupsByRemoteAndReasonAndSaysWhatHappensNext() {
    String html = page("/drift", 200);

    assertThat(html).contains("data-total>4<");
    assertThat(html).doesNotContain("data-resource=\"Guest/web\"");
    assertThat(next(html, "Guest/db")).isEqualTo("will shut it down");
    assertThat(next(html, "Guest/erp")).isEqualTo("reports only (policy report)");
    assertThat(next(html, "Guest/gone")).isEqualTo("no action until resolved by hand");
    assertThat(next(html, "Guest/far")).isEqualTo("waits until it can be observed");
    assertThat(html).contains("data-remote=\"not observed\"").contains("OutOfSync: power (2)");
  }

  static String next(String html, String resource) {
    int row = html.indexOf("data-resource=\"" + resource + "\"");
    assertThat(row).as(resource).isPositive();
    var m = java.util.regex.Pattern.compile("data-next>([^<]*)<").matcher(html.substring(row));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theHistoryShowsEachCommitWithItsProblemsOrItsActions() {
    String html = page("/history", 200);

    int rejected = html.indexOf("data-commit=\"0123456789abcdef\"");
    int accepted = html.indexOf("data-commit=\"fedcba9876543210\"");
    assertThat(rejected).isPositive().isLessThan(accepted);
    assertThat(html.substring(rejected, accepted))
        .contains("rejected")
        .contains("guests.yaml:3:10")
        .contains("error: &#39;stoped&#39; is not one of: running, stopped")
        .doesNotContain("data-action");
    assertThat(html.substring(accepted))
        .contains("valid")
        .contains("Guest/web")
        .contains("SHUTDOWN")
        .contains(":qmshutdown:100:");
  }

  @Test
  void eachViewIsADashboardOfItsLayoutOverWhatItsRulesSelect() {
    String html = page("/views/west", 200);

    assertThat(html).contains("<h1>View west</h1>").contains("Everything on west");
    assertThat(html).contains("data-selected>501<"); // 1 node + 500 prod guests, lab excluded
    assertThat(count(html, "nodes-online")).isEqualTo("1");
    assertThat(count(html, "qemu-running")).isEqualTo("267");
    assertThat(count(html, "qemu-stopped")).isEqualTo("66");
    assertThat(html)
        .contains("data-widget=\"leaderboard-cpu\"")
        .contains("data-widget=\"tree\"")
        .contains("data-widget=\"health-subscriptions\"")
        .contains("No node of this view read yet.")
        .doesNotContain("east-vm-");
    assertThat(page("/", 200)).contains("href=\"/views/west\"");
  }

  @Test
  void theRemotesPageShowsWhyARemoteIsDownAndWhenItIsAskedAgain() {
    String html = page("/remotes", 200);

    assertThat(html)
        .contains("data-remote=\"west\"")
        .contains("data-status>offline<")
        .contains("CERTIFICATE")
        .contains("presented SHA-256 CC:DD, not the pinned AA:BB")
        .contains("<time datetime=\"2026-11-23T12:00:40Z\">2026-11-23 12:00:40</time>")
        .contains("pinned");
  }

  @Test
  void anUnknownViewIsA404ThatNamesTheViews() {
    assertThat(page("/views/nope", 404))
        .contains("No view named &#39;nope&#39;")
        .contains("Views are: west.")
        .doesNotContain("id=\"results\""); // its own page, not an empty resource table
  }

  @Test
  void aBadPageNumberIsA400NotA500() {
    assertThat(page("/resources?page=-1", 400)).contains("page must be between 1");
  }
}
