package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.git.SnapshotTracker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The editor over HTTP on the demo: the tree with what each file declares, files with credential
 * hashes kept out, checks and diffs of an edit as typed, commits authored by the caller, and two
 * edits begun from the same commit: the second is rebased when it touches other lines, and refused
 * with the text kept when it touches the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorIT {
  static final String FILE = "guests/dc-east.yaml";

  @TempDir static Path data;
  static RunningDemo running;
  static WebLogin.Session admin;
  static WebLogin.Session auditor;
  static String base;
  static String original;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningDemo(data);
    admin = running.admin();
    auditor = running.login("auditor@pdm");
    base = running.app().getBean(SnapshotTracker.class).lastGood().orElseThrow().commit().sha();
    original = java.nio.file.Files.readString(Path.of("../examples/demo-repo").resolve(FILE));
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  static HttpResponse<String> json(WebLogin.Session session, String path, String text)
      throws Exception {
    return json(session, path, FILE, text);
  }

  static HttpResponse<String> json(WebLogin.Session session, String path, String file, String text)
      throws Exception {
    String body = RunningDemo.JSON.writeValueAsString(java.util.Map.of("path", file, "text", text));
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", session.formToken())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> commit(
      WebLogin.Session session, String text, String from, String message) throws Exception {
    return commit(session, FILE, text, from, message);
  }

  static HttpResponse<String> commit(
      WebLogin.Session session, String file, String text, String from, String message)
      throws Exception {
    String body =
        "text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&base="
            + from
            + "&message="
            + URLEncoder.encode(message, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8);
    return RunningDemo.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + "/edit/" + file))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static RevCommit head() throws Exception {
    try (Git git = Git.open(running.demo().repository().toFile())) {
      return git.log().setMaxCount(1).call().iterator().next();
    }
  }

  static String dns(String power) {
    return original.replace(
        "  name: dns-01\n  power: running", "  name: dns-01\n  power: " + power);
  }

  @Test
  @Order(1)
  void theTreeListsEachFileWithItsObjectsAndKeepsCredentialFilesOutOfTheEditor() throws Exception {
    String tree = running.send("/repository", admin).body();
    assertThat(tree)
        .contains("data-file=\"" + FILE + "\"")
        .contains("Guest/dns-01")
        .contains("href=\"/edit/" + FILE + "\"");
    assertThat(tree).doesNotContain("href=\"/edit/access/users.yaml\"");

    HttpResponse<String> users = running.send("/edit/access/users.yaml", admin);
    assertThat(users.statusCode()).isEqualTo(404);
    assertThat(users.body()).contains("holds password or token hashes").doesNotContain("argon2");
    // Nor does its diff show them.
    HttpResponse<String> diff = json(admin, "/editor/diff", "access/users.yaml", "x: 1\n");
    assertThat(diff.statusCode()).isEqualTo(400);
    assertThat(diff.body()).contains("holds password or token hashes").doesNotContain("argon2");

    String editor = running.send("/edit/" + FILE, admin).body();
    assertThat(editor).contains("data-edit-form").contains("name: dns-01").contains(base);
  }

  @Test
  @Order(2)
  void anEditIsCheckedAsTypedAtItsLineAndItsDiffShown() throws Exception {
    String broken = original.replace("  vmid: 120\n", "  vmid: 12\n");
    JsonNode check = RunningDemo.JSON.readTree(json(admin, "/editor/check", broken).body());
    int line = (int) original.lines().takeWhile(l -> !l.equals("  vmid: 120")).count() + 1;
    assertThat(check.path("problems"))
        .anySatisfy(
            p -> {
              assertThat(p.path("file").asString()).isEqualTo(FILE);
              assertThat(p.path("line").asInt()).isEqualTo(line);
              assertThat(p.path("severity").asString()).isEqualTo("error");
            });

    JsonNode valid = RunningDemo.JSON.readTree(json(admin, "/editor/check", dns("stopped")).body());
    assertThat(valid.path("problems"))
        .noneMatch(p -> p.path("severity").asString().equals("error"));
    assertThat(valid.path("forbidden").isNull() || valid.path("forbidden").isMissingNode())
        .isTrue();
    // An auditor may read the file but not change the guest: the check says so before a commit.
    JsonNode audited =
        RunningDemo.JSON.readTree(json(auditor, "/editor/check", dns("stopped")).body());
    assertThat(audited.path("forbidden").asString())
        .contains("Guest/dns-01 needs Manage on /remotes/dc-east/guests/120");

    String diff =
        RunningDemo.JSON
            .readTree(json(admin, "/editor/diff", dns("stopped")).body())
            .path("diff")
            .asString();
    assertThat(diff).contains("-  power: running").contains("+  power: stopped");
  }

  @Test
  @Order(3)
  void aCommitIsAuthoredByTheCallerAndRefusedToAnAuditorWithTheTextKept() throws Exception {
    HttpResponse<String> refused = commit(auditor, dns("stopped"), base, "Stop dns-01");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("needs Manage").contains("power: stopped");

    HttpResponse<String> done = commit(admin, dns("stopped"), base, "Stop dns-01 for the upgrade");

    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/repository");
    assertThat(head().getShortMessage()).isEqualTo("Stop dns-01 for the upgrade");
    assertThat(head().getAuthorIdent().getEmailAddress()).isEqualTo("infra-admins@corp.example");
    assertThat(running.send("/repository", admin).body())
        .contains("data-flash")
        .contains("Committed");
  }

  @Test
  @Order(4)
  void aSecondEditFromTheSameCommitIsRebasedOrRefusedWithItsTextKept() throws Exception {
    // Begun from the same commit as the one just committed, before it was fetched.
    String otherLines =
        original.replace("  name: staging-app\n", "  name: staging-app\n  # moved next week\n");
    assertThat(otherLines).isNotEqualTo(original);

    // Another file, begun from the same commit: lands on top.
    String view =
        java.nio.file.Files.readString(Path.of("../examples/demo-repo/views/backups.yaml"));
    String otherFile = view + "# reviewed in the web UI\n";
    assertThat(
            commit(admin, "views/backups.yaml", otherFile, base, "Review the backups view")
                .statusCode())
        .isEqualTo(303);
    assertThat(head().getShortMessage()).isEqualTo("Review the backups view");

    HttpResponse<String> rebased = commit(admin, otherLines, base, "Note on staging-app");

    assertThat(rebased.statusCode()).isEqualTo(303);
    assertThat(head().getShortMessage()).isEqualTo("Note on staging-app");
    String merged =
        running.demo().repository().toString(); // the bare repository: read the file from Git
    try (Git git = Git.open(Path.of(merged).toFile())) {
      var tree = head().getTree();
      try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), FILE, tree)) {
        String text =
            new String(
                git.getRepository().open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("  power: stopped").contains("# moved next week");
      }
    }

    String sameLine = dns("running # keep it up");
    HttpResponse<String> conflict = commit(admin, sameLine, base, "Keep dns-01 up");

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("changed in Git meanwhile")
        .contains("power: running # keep it up");
    assertThat(head().getShortMessage()).isEqualTo("Note on staging-app");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                running
                    .app()
                    .getBean(SnapshotTracker.class)
                    .lastGood()
                    .map(c -> c.commit().message().startsWith("Note on staging-app"))
                    .orElse(false));
  }

  @Test
  @Order(5)
  void aNewFileStartsFromItsKindsTemplate() throws Exception {
    HttpResponse<String> redirect =
        running.send("/repository/new?path=guests/web-09.yaml&kind=Guest&name=web-09", admin);
    assertThat(redirect.statusCode()).isEqualTo(303);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/edit/guests/web-09.yaml?kind=Guest&name=web-09");

    String editor = running.send(location, admin).body();
    assertThat(editor).contains("kind: Guest").contains("name: web-09").contains("New");
  }

  @Test
  @Order(6)
  void anUndeclaredGuestIsAdoptedAsItIsAndTheFirstCycleSendsNothing() throws Exception {
    io.pdmgitops.model.drift.UnmanagedGuest unmanaged =
        running
            .app()
            .getBean(io.pdmgitops.controller.loop.ReconcileLoop.class)
            .latestReport()
            .orElseThrow()
            .unmanaged()
            .stream()
            .filter(u -> u.remote().equals("dc-east") && !u.guest().template())
            .findFirst()
            .orElseThrow();
    String guest = unmanaged.remote() + "/" + unmanaged.guest().vmid();
    assertThat(running.send("/guests/" + guest, admin).body()).contains("data-adopt");
    assertThat(running.send("/guests/" + guest, auditor).body()).doesNotContain("data-adopt");

    HttpResponse<String> redirect =
        running.send("/guests/" + guest + "/adopt?file=guests/adopted.yaml", admin);
    assertThat(redirect.statusCode()).isEqualTo(303);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/edit/guests/adopted.yaml?adopt=" + guest);
    String editor = running.send(location, admin).body();
    assertThat(editor)
        .contains("vmid: " + unmanaged.guest().vmid())
        .contains("remote: dc-east")
        .contains("policy: enforce");
    java.util.regex.Matcher area =
        java.util.regex.Pattern.compile("(?s)<textarea[^>]*data-edit-text[^>]*>(.*?)</textarea>")
            .matcher(editor);
    assertThat(area.find()).isTrue();
    String text = org.springframework.web.util.HtmlUtils.htmlUnescape(area.group(1));
    JsonNode check =
        RunningDemo.JSON.readTree(json(admin, "/editor/check", "guests/adopted.yaml", text).body());
    assertThat(check.path("problems"))
        .noneMatch(p -> p.path("severity").asString().equals("error"));

    String from =
        running.app().getBean(SnapshotTracker.class).lastGood().orElseThrow().commit().sha();
    assertThat(commit(admin, "guests/adopted.yaml", text, from, "Adopt " + guest).statusCode())
        .isEqualTo(303);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode detail = running.json("/api/v1/guests/" + guest);
              assertThat(detail.at("/verdict/sync").asString()).isEqualTo("SYNCED");
              assertThat(detail.path("actions")).isEmpty();
            });
  }

  @Test
  @Order(7)
  void aLargeFileIsCommittedFromTheEditorToo() throws Exception {
    String from =
        running.app().getBean(SnapshotTracker.class).lastGood().orElseThrow().commit().sha();
    // About 600 KiB: more than the web stack's default buffer for a form, less than the editor's
    // limit of 1 MiB.
    String large =
        java.nio.file.Files.readString(Path.of("../examples/demo-repo/views/production.yaml"))
            + ("# " + "x".repeat(97) + "\n").repeat(6_000);

    HttpResponse<String> answer = commit(admin, "views/production.yaml", large, from, "Notes");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(head().getShortMessage()).isEqualTo("Notes");
  }
}
