package io.pdmgitops.webui.pages;

import static io.pdmgitops.webui.TestDetails.SHA;
import static io.pdmgitops.webui.TestDetails.UPID_OURS;
import static io.pdmgitops.webui.TestDetails.UPID_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.TestDetails;
import io.pdmgitops.webui.TestFleet;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The guest, remote, tasks, task log and source pages, and what an unknown name gets. */
class DetailPagesTest {
  static final FleetSnapshot FLEET = TestFleet.of(200);

  final WebTestClient client = PageClient.of(PageRoutes.routes(TestDetails.ports(FLEET).build()));

  String page(String uri, int status, Object... variables) {
    return PageClient.page(client, uri, status, variables);
  }

  @Test
  void theGuestPageShowsGitBesideTheFleet() {
    String html = page("/guests/east/100", 200);
    assertThat(html)
        // the document as committed, linked to its file and lines at the commit
        .contains("<code data-yaml>kind: Guest\nmetadata:\n  name: east-vm-100")
        .contains("href=\"/source/" + SHA + "/guests.yaml?lines=5-13#L5\"")
        .contains(">guests.yaml:7<")
        // verdict, drift and next step
        .contains("data-sync>OutOfSync<")
        .contains("data-drift=\"power\"")
        .contains("data-next>will shut it down<")
        .contains("data-policy>enforce<")
        // observed state and the action with its task log
        .contains("data-observed=\"node\"")
        .contains("href=\"/tasks/east/" + UPID_OURS + "\"")
        .contains("href=\"/history#c-" + SHA + "\"")
        // the jobs that back it up, and which document declares each
        .contains("data-backup-job=\"nightly\"")
        .contains(">east-nightly<")
        .contains(">not declared<")
        .doesNotContain("data-backup-finding")
        // and its newest backup, where it is
        .contains("datetime=\"2026-11-23T11:30:00Z\"")
        .contains("href=\"/remotes/pbs-main\"")
        .contains("<code>store1</code>")
        // the chart reads the rrddata API
        .contains("data-src=\"/api/v1/guests/east/100/rrddata\"")
        .contains("/webjars/chart.js/dist/chart.umd.js");
  }

  @Test
  void anUnmanagedGuestSaysItIsNeverTouched() {
    assertThat(page("/guests/east/101", 200))
        .contains("data-unmanaged>Not declared in Git")
        .contains("No enabled backup job of east backs this guest up.")
        .contains(
            "No backup of this guest on the declared backup servers (read 2026-11-23T11:50:00Z).")
        .contains("The controller has not acted on this guest.")
        .doesNotContain("data-yaml")
        .doesNotContain("data-next");
    // not in the table at all, or not a number: a 404 that says so
    assertThat(page("/guests/east/555", 404)).contains("No guest 555 on remote &#39;east&#39;");
    assertThat(page("/guests/east/web", 404)).contains("No guest web");
  }

  @Test
  void theRemotePageShowsEndpointsPinsAndWhichAnswers() {
    String html = page("/remotes/east", 200);
    assertThat(html)
        .contains("data-endpoint=\"https://east-1.example:8006\"")
        .contains("pinned <code>AA:BB</code>")
        .contains("system trust store")
        .contains("data-node=\"east-1\"")
        .contains("8.2.4")
        // a backup job made in PVE's UI: shown, and left alone
        .contains("data-unmanaged-object=\"BackupJob/backup-1a2b\"")
        .contains(">sat 02:00 to local, vmids 100<")
        .contains(">leaves it alone<");
    // the second endpoint (declared with a trailing slash) is the one that answered
    assertThat(html.substring(html.indexOf("east-2.example")))
        .contains("data-answering>yes, last answer<");
    assertThat(html.substring(html.indexOf("east-1.example"), html.indexOf("east-2.example")))
        .doesNotContain("yes, last answer");
    assertThat(page("/remotes/nope", 404)).contains("No remote named &#39;nope&#39;");
  }

  @Test
  void theTasksPageFiltersAndSaysWhichRemotesDidNotAnswer() {
    String all = page("/tasks", 200);
    assertThat(all)
        .contains("data-total>3<")
        .contains("data-failure=\"west\"")
        .contains("data-state=\"running\"")
        .contains("start failed: no space left");
    String failed = page("/tasks?state=problem&remote=east", 200);
    assertThat(failed)
        .contains("data-total>1<")
        .contains("qmstart")
        .doesNotContain("<code>vzdump</code>");
    assertThat(page("/tasks?state=done", 400)).contains("state must be one of");
  }

  @Test
  void aTaskLogPageRefreshesOnlyWhileTheTaskRuns() {
    String running = page("/tasks/east/{upid}", 200, UPID_RUNNING);
    assertThat(running).contains("hx-trigger=\"every 2s\"").contains("INFO: starting");
    String done = page("/tasks/east/{upid}", 200, UPID_OURS);
    assertThat(done)
        .doesNotContain("every 2s")
        .contains("shutting down &lt;db&gt; &amp; waiting") // escaped, never markup
        .contains("First 2 of 7000 lines.");
    assertThat(page("/tasks/east/UPID:nope", 404)).contains("has no task");
    assertThat(page("/tasks/west/{upid}", 502, UPID_OURS)).contains("connection refused");
  }

  @Test
  void aSourcePageNumbersAndMarksLines() {
    String html = page("/source/" + SHA + "/guests.yaml?lines=5-13", 200);
    assertThat(html)
        .containsPattern("id=\"L13\"\\s+class=\"marked\"")
        .containsPattern("id=\"L5\"\\s+class=\"marked\"")
        .contains("id=\"L4\">");
    assertThat(page("/source/" + SHA + "/nope.yaml", 404)).contains("no file nope.yaml");
  }

  @Test
  void theDashboardSummarisesTheRemotesTasksWithTheNewestFailures() {
    String html = page("/", 200);
    assertThat(html)
        .contains("data-count=\"tasks-running\">1<")
        .contains("start failed: no space left")
        .contains("href=\"/tasks/east/" + TestDetails.UPID_FAILED + "\"")
        .contains("1 remotes did not give their tasks");
    // by category: the shutdown and the failed start are guest tasks, vzdump a backup
    assertThat(html).containsPattern("guest</span>\\s*<span><span class=\"bad\">1 failed");
  }

  @Test
  void columnFiltersNarrowTheTableAndKeepTheirValues() {
    String html = page("/resources?type=lxc&remote=west", 200);
    // 200 guests per remote, every third an LXC: 67 on west
    assertThat(html).contains("data-total>67<").contains("<option value=\"lxc\" selected");
    assertThat(html).contains("href=\"/guests/west/");
    assertThat(page("/resources?node={n}", 400, "a b")).contains("node filters by one word");
  }
}
