package io.pdmgitops.controller.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.pdmgitops.controller.ThreadsOnFailure;
import io.pdmgitops.controller.app.RunningDemo;
import io.pdmgitops.controller.security.LocalLogins;
import io.pdmgitops.controller.security.tfa.Totp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages in a real browser (Debian's headless chromium, driven by Playwright) on the demo fleet:
 * the dashboard's counts agree with the API, a search updates the table in place, and a pushed
 * commit changes a guest's state on the open page without a reload. Screenshots of each page go to
 * webui/target/screenshots/.
 */
@ExtendWith(ThreadsOnFailure.class)
class BrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("../webui/target/screenshots");

  @TempDir Path data;
  @TempDir Path clone;
  RunningDemo demo;
  final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
  Playwright playwright;
  Browser browser;
  Page page;

  /** The page's requests without an answer yet: what a page that does not load waits for. */
  final Set<String> pending = ConcurrentHashMap.newKeySet();

  /** When a test fails, says what the browser still waits for (threads: ThreadsOnFailure). */
  @RegisterExtension
  final TestExecutionExceptionHandler pendingOnFailure =
      (context, e) -> {
        System.out.println("BrowserIT failed; pending requests: " + pending);
        throw e;
      };

  @BeforeEach
  void start() throws Exception {
    // Playwright's objects belong to the thread that made them: Awaitility's default poller
    // thread, abandoned at a timeout mid-call, left the connection to the browser stuck, and the
    // next navigation hung (a rare CI failure, frequent under load).
    Awaitility.pollInSameThread();
    assertThat(CHROMIUM)
        .as("the browser tests need Debian's chromium: apt-get install -y chromium (.ci/run does)")
        .exists();
    Files.createDirectories(SCREENSHOTS);
    demo = new RunningDemo(data);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
    page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
    page.setDefaultTimeout(30_000);
    page.onRequest(r -> pending.add(r.method() + " " + r.url()));
    page.onRequestFinished(r -> pending.remove(r.method() + " " + r.url()));
    page.onRequestFailed(r -> pending.remove(r.method() + " " + r.url()));
    // The pages keep to their Content-Security-Policy: Chromium reports each refusal here.
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            refusals.add(m.text());
          }
        });
    logIn("admin@pdm", "/");
  }

  /**
   * Through the login form, as a person does; lands on the page asked for before, or the dashboard.
   */
  void logIn(String user, String landing) {
    page.navigate(demo.url() + "/login");
    page.fill("input[name=username]", user);
    page.fill("input[name=password]", demo.demo().logins().get(user));
    page.click("form button[type=submit]");
    page.waitForURL(demo.url() + landing);
    assertThat(page.locator("[data-caller]").textContent()).isEqualTo(user);
  }

  @AfterEach
  void stop() {
    Awaitility.reset();
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    demo.close();
    assertThat(refusals).as("what the Content-Security-Policy refused").isEmpty();
  }

  String count(String name) {
    return page.locator("[data-count='" + name + "']").textContent().strip();
  }

  int apiTotal(String search) throws Exception {
    return demo.json(
            "/api/v1/resources?size=1&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8))
        .get("total")
        .asInt();
  }

  void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
  }

  @Test
  void theDashboardShowsTheFleetAndUpdatesItselfAfterTheFirstCycle() throws Exception {
    page.navigate(demo.url() + "/");
    page.evaluate("window.__loadedOnce = true");
    // The first cycle may still be running: the live stream refreshes the panels, no reload.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> count("remotes-ok").equals("3"));
    assertThat(page.evaluate("window.__loadedOnce")).isEqualTo(true);

    assertThat(count("remotes-failing")).isEqualTo("0");
    assertThat(count("pve-nodes-online")).isEqualTo("5");
    // The demo starts and moves guests in its first cycles: page and API agree once it settles.
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(Integer.parseInt(count("qemu-running")))
                  .isEqualTo(apiTotal("+type:qemu +status:running +template:false"));
              assertThat(Integer.parseInt(count("lxc-running")))
                  .isEqualTo(apiTotal("+type:lxc +status:running +template:false"));
            });
    assertThat(page.locator("[data-commit-valid]").textContent()).isEqualTo("valid");
    screenshot("dashboard.png");

    page.navigate(demo.url() + "/remotes");
    assertThat(page.locator("tr[data-remote]").count()).isEqualTo(3);
    screenshot("remotes.png");
    page.navigate(demo.url() + "/views/production");
    assertThat(page.locator("h1").textContent()).isEqualTo("View production");
    assertThat(Integer.parseInt(page.locator("[data-selected]").textContent().strip()))
        .isPositive();
    // Panel shares and bars are sized from data attributes (no inline style under the CSP).
    assertThat(page.locator("section.panel[data-flex]").first().evaluate("e => e.style.flex"))
        .isEqualTo("1 1 0px");
    screenshot("view-production.png");
  }

  @Test
  void aSearchFiltersTheTableInPlaceAndAPushedCommitShowsUpWithoutReload() throws Exception {
    page.navigate(demo.url() + "/resources");
    page.evaluate("window.__loadedOnce = true");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> Integer.parseInt(page.locator("[data-total]").textContent().strip()) > 20);
    screenshot("resources.png");

    page.locator("#search").fill("+type:lxc dns");
    await().atMost(Duration.ofSeconds(10)).until(() -> page.locator("tbody tr").count() == 1);
    Locator dns = page.locator("tr[data-id='remote/dc-east/guest/120']");
    assertThat(dns.locator("td").nth(5).textContent().strip()).isEqualTo("running");
    // The search's own request pushes the URL; a live refresh may have filtered the rows first.
    try {
      // page.url() is what the client last heard: ask the page, which also hears what is new.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> String.valueOf(page.evaluate("location.href")).contains("search="));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      screenshot("resources-search-not-pushed.png");
      throw new AssertionError(
          "the search's URL was not pushed: at "
              + page.url()
              + ", search box '"
              + page.locator("#search").inputValue()
              + "'",
          e);
    }
    assertThat(page.evaluate("window.__loadedOnce")).as("htmx swapped, no reload").isEqualTo(true);
    screenshot("resources-search.png");

    demo.stopDns01(clone);

    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                page.locator("tr[data-id='remote/dc-east/guest/120'] td")
                    .nth(5)
                    .textContent()
                    .strip()
                    .equals("stopped"));
    assertThat(page.evaluate("window.__loadedOnce")).as("live update, no reload").isEqualTo(true);
    screenshot("resources-after-commit.png");

    page.navigate(demo.url() + "/history");
    assertThat(page.locator("section[data-commit]").first().textContent())
        .contains("Stop dns-01 for maintenance")
        .contains("Guest/dns-01");
    screenshot("history.png");
    page.navigate(demo.url() + "/drift");
    assertThat(page.locator("h1").textContent()).isEqualTo("Drift");
    screenshot("drift.png");
  }

  @Test
  void aGuestOpenedFromTheKeyboardShowsGitBesideTheFleetAndFollowsACommit() throws Exception {
    page.navigate(demo.url() + "/resources?search=dns-01");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> page.locator("tr[data-id='remote/dc-east/guest/120']").count() == 1);
    // Keyboard only: j to the first row, Enter to open it.
    page.locator("body").press("j");
    page.keyboard().press("Enter");
    page.waitForURL("**/guests/dc-east/120");
    page.evaluate("window.__loadedOnce = true");
    assertThat(page.locator("h1").textContent()).contains("dns-01");
    assertThat(page.locator("[data-yaml]").textContent())
        .contains("name: dns-01")
        .contains("power: running");
    // Chart.js drew the rrddata the page asked the API for.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> page.locator("#rrd-chart").getAttribute("data-points") != null);
    assertThat(Integer.parseInt(page.locator("#rrd-chart").getAttribute("data-points")))
        .isPositive();
    screenshot("guest.png");

    demo.stopDns01(clone);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(page.locator("[data-power]").textContent().strip()).isEqualTo("stopped");
              assertThat(page.locator("[data-yaml]").textContent()).contains("power: stopped");
              assertThat(page.locator("tr[data-action]").first().textContent())
                  .contains("SHUTDOWN");
            });
    assertThat(page.evaluate("window.__loadedOnce")).as("live update, no reload").isEqualTo(true);
    screenshot("guest-after-commit.png");

    page.locator("tr[data-action]")
        .first()
        .locator("a", new Locator.LocatorOptions().setHasText("log"))
        .click();
    page.waitForURL("**/tasks/dc-east/**");
    assertThat(page.locator("[data-state]").textContent().strip()).isEqualTo("OK");
    assertThat(page.locator("[data-log]").textContent()).isNotBlank();
    screenshot("task-log.png");

    page.navigate(demo.url() + "/guests/dc-east/120");
    page.locator("a[data-source]").click();
    page.waitForURL("**/source/**");
    assertThat(page.locator("tr.marked").first().textContent()).isNotBlank();
    screenshot("source.png");

    page.navigate(demo.url() + "/tasks?mine=true");
    assertThat(page.locator("tr[data-upid]").count()).isPositive();
    screenshot("tasks.png");
    page.navigate(demo.url() + "/remotes/dc-east");
    assertThat(page.locator("tr[data-node]").count()).isEqualTo(3);
    screenshot("remote.png");
    page.navigate(demo.url() + "/api");
    assertThat(page.locator("[data-operation]").count()).isGreaterThanOrEqualTo(10);
    screenshot("api.png");
  }

  @Test
  void anAppEnrolledInThePageIsAskedAtTheNextLoginAndARecoveryCodeStandsInForIt() {
    page.navigate(demo.url() + "/access/tfa");
    assertThat(page.locator("[data-qr] svg").isVisible()).isTrue();
    byte[] secret = Totp.fromTyped(page.locator("[data-tfa-key]").textContent());
    page.fill("[data-tfa-enrol] input[name=code]", Totp.codeAt(secret, Instant.now()));
    page.click("[data-tfa-enrol] button[type=submit]");
    assertThat(page.locator("[data-recovery-code]").count()).isEqualTo(10);
    String recovery = page.locator("[data-recovery-code]").first().textContent();
    screenshot("second-factor-enrolled.png");

    page.click("form.caller button[type=submit]");
    page.waitForURL(demo.url() + "/login?logout");
    page.fill("input[name=username]", "admin@pdm");
    page.fill("input[name=password]", demo.demo().logins().get("admin@pdm"));
    page.click("form button[type=submit]");
    page.waitForURL(demo.url() + "/login/tfa");
    // The app's next code (the one that enrolled is spent).
    page.fill("input[name=code]", Totp.codeAt(secret, Instant.now().plusSeconds(30)));
    page.click("form[action='/login/tfa'] button[type=submit]");
    page.waitForURL(demo.url() + "/");
    assertThat(page.locator("[data-caller]").textContent()).isEqualTo("admin@pdm");

    // Once more, with a recovery code instead of the app.
    page.click("form.caller button[type=submit]");
    page.waitForURL(demo.url() + "/login?logout");
    page.navigate(demo.url() + "/drift");
    page.fill("input[name=username]", "admin@pdm");
    page.fill("input[name=password]", demo.demo().logins().get("admin@pdm"));
    page.click("form button[type=submit]");
    page.waitForURL(demo.url() + "/login/tfa");
    page.fill("input[name=code]", recovery);
    page.click("form[action='/login/tfa'] button[type=submit]");
    page.waitForURL(demo.url() + "/drift");
    page.navigate(demo.url() + "/access/tfa");
    assertThat(page.locator("[data-tfa-enrolled]").textContent()).contains("9 recovery codes left");
  }

  /** The line of the editor whose text, stripped, is {@code text}; -1 if none. */
  static int line(Page page, String text) {
    return ((Number)
            page.evaluate(
                "t => { const e = window.pdmEditor; for (let i = 0; i < e.lineCount(); i++)"
                    + " { if (e.getLine(i).trim() === t) return i; } return -1; }",
                text))
        .intValue();
  }

  /** Puts the cursor at the end of a line of the editor, as a click there would. */
  static void endOf(Page page, int line) {
    page.evaluate(
        "l => { const e = window.pdmEditor; e.focus(); e.setCursor({line: l, ch: e.getLine(l).length}); }",
        line);
  }

  @Test
  void theEditorChecksAsYouTypeAndASecondEditorOfTheSameLineKeepsItsTextOnConflict()
      throws Exception {
    page.navigate(demo.url() + "/repository");
    page.click("[data-file='guests/dc-east.yaml'] [data-edit]");
    page.waitForSelector(".CodeMirror");
    Locator status = page.locator("[data-edit-status]");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(status.textContent()).startsWith("Valid"));
    // A second editor on the same file, in another browser session, from the same commit.
    var other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
    Page second = other.newPage();
    second.navigate(demo.url() + "/login");
    second.fill("input[name=username]", "admin@pdm");
    second.fill("input[name=password]", demo.demo().logins().get("admin@pdm"));
    second.click("form button[type=submit]");
    second.waitForURL(demo.url() + "/");
    second.navigate(demo.url() + "/edit/guests/dc-east.yaml");
    second.waitForSelector(".CodeMirror");

    // Typing a VMID below PVE's range marks its line; typing it back clears the mark.
    int vmid = line(page, "vmid: 120");
    endOf(page, vmid);
    page.keyboard().press("Backspace");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(status.textContent()).startsWith("1 error");
              assertThat(page.locator(".CodeMirror-lint-marker-error").count()).isPositive();
              assertThat(page.locator("[data-edit-problems] li").first().textContent())
                  .startsWith("guests/dc-east.yaml:" + (vmid + 1) + ":");
            });
    screenshot("editor-problem.png");
    page.keyboard().type("0");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(status.textContent()).startsWith("Valid"));

    // Stop dns-01: the diff shows it, the commit lands.
    int power = line(page, "name: dns-01", 1) + 1;
    endOf(page, power);
    for (int i = 0; i < "running".length(); i++) {
      page.keyboard().press("Backspace");
    }
    page.keyboard().type("stopped");
    page.click("[data-edit-diff-panel] summary");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(page.locator("[data-edit-diff]").textContent())
                    .contains("-  power: running")
                    .contains("+  power: stopped"));
    page.fill("[data-edit-message]", "Stop dns-01 for its upgrade");
    page.click("[data-edit-commit]");
    page.waitForURL(demo.url() + "/repository");
    assertThat(page.locator("[data-flash]").textContent()).contains("Committed");
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.open(demo.demo().repository().toFile())) {
      var head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getShortMessage()).isEqualTo("Stop dns-01 for its upgrade");
      assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("infra-admins@corp.example");
    }
    // The guest stops, and History links the commit to the controller's task.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        demo.json("/api/v1/guests/dc-east/120").at("/resource/status").asString())
                    .isEqualTo("stopped"));
    page.navigate(demo.url() + "/history");
    Locator commit =
        page.locator("[data-commit]")
            .filter(new Locator.FilterOptions().setHasText("Stop dns-01 for its upgrade"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              page.reload();
              assertThat(commit.locator("[data-action-task]").count()).isPositive();
            });
    commit.locator("[data-action-task]").first().click();
    page.waitForURL(url -> url.contains("/tasks/dc-east/"));

    // The second editor changes the same line: refused, and its text is still there.
    int secondPower = line(second, "name: dns-01", 1) + 1;
    endOf(second, secondPower);
    second.keyboard().type(" # keep it up");
    second.fill("[data-edit-message]", "Keep dns-01 up");
    second.click("[data-edit-commit]");
    second.waitForSelector("[data-edit-problem]");
    assertThat(second.locator("[data-edit-problem]").textContent())
        .contains("changed in Git meanwhile");
    second.waitForSelector(".CodeMirror");
    assertThat((String) second.evaluate("() => window.pdmEditor.getValue()"))
        .contains("power: running # keep it up");
    other.close();
  }

  /** The {@code nth} (0-based) line of the editor whose text, stripped, is {@code text}. */
  static int line(Page page, String text, int nth) {
    return ((Number)
            page.evaluate(
                "([t, n]) => { const e = window.pdmEditor; let seen = 0; for (let i = 0; i <"
                    + " e.lineCount(); i++) { if (e.getLine(i).trim() === t && seen++ === n)"
                    + " return i; } return -1; }",
                List.of(text, nth)))
        .intValue();
  }

  @Test
  void moveToCommitsAPlacementAndTheGuestMigrates() {
    page.navigate(demo.url() + "/guests/dc-east/100");
    page.click("[data-move] summary");
    page.fill("[data-move] input[name=node]", "pve-east-2");
    page.click("[data-move-submit]");
    page.waitForURL(demo.url() + "/guests/dc-east/100");
    assertThat(page.locator("[data-flash]").textContent()).contains("Move web-01 to pve-east-2");
    // The page follows the migration by itself.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(page.locator("[data-observed=node] td").textContent())
                    .isEqualTo("pve-east-2"));
  }

  @Test
  void theShutdownButtonCommitsAndTheGuestStops() {
    page.navigate(demo.url() + "/guests/dc-east/120");
    page.click("[data-intent=shutdown]");
    page.waitForURL(demo.url() + "/guests/dc-east/120");
    assertThat(page.locator("[data-flash]").textContent()).contains("Shut down dns-01");
    screenshot("guest-intent.png");
    // The page follows the fleet by itself: the guest stops without a reload.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(page.locator("[data-power]").textContent()).isEqualTo("stopped"));
  }

  @Test
  void aPasskeyAddedInThePageStandsInForTheCodeAndItsAnswerWorksOnce() throws Exception {
    // Chromium's virtual authenticator: a platform passkey that says yes without a person.
    com.microsoft.playwright.CDPSession devtools = page.context().newCDPSession(page);
    devtools.send("WebAuthn.enable");
    com.google.gson.JsonObject options = new com.google.gson.JsonObject();
    options.addProperty("protocol", "ctap2");
    options.addProperty("transport", "internal");
    options.addProperty("hasResidentKey", true);
    options.addProperty("hasUserVerification", true);
    options.addProperty("isUserVerified", true);
    options.addProperty("automaticPresenceSimulation", true);
    com.google.gson.JsonObject authenticator = new com.google.gson.JsonObject();
    authenticator.add("options", options);
    devtools.send("WebAuthn.addVirtualAuthenticator", authenticator);

    page.navigate(demo.url() + "/access/tfa");
    page.fill("[data-passkey-add] input[name=label]", "laptop");
    page.click("[data-passkey-add] button[type=submit]");
    page.waitForURL(demo.url() + "/access/tfa?passkey-added");
    assertThat(page.locator("[data-passkey]").getAttribute("data-passkey-label"))
        .isEqualTo("laptop");
    // The first second factor brings the recovery codes, shown once.
    assertThat(page.locator("[data-recovery-code]").count()).isEqualTo(10);
    screenshot("passkey-added.png");

    // The next login asks for the passkey after the password.
    String[] answer = new String[1];
    page.onRequest(
        r -> {
          if (r.url().endsWith("/login/tfa/passkey") && r.method().equals("POST")) {
            answer[0] = r.postData();
          }
        });
    page.click("form.caller button[type=submit]");
    page.waitForURL(demo.url() + "/login?logout");
    page.navigate(demo.url() + "/tasks");
    page.fill("input[name=username]", "admin@pdm");
    page.fill("input[name=password]", demo.demo().logins().get("admin@pdm"));
    page.click("form button[type=submit]");
    page.waitForURL(demo.url() + "/login/tfa");
    page.click("[data-passkey-use]");
    page.waitForURL(demo.url() + "/tasks");
    assertThat(page.locator("[data-caller]").textContent()).isEqualTo("admin@pdm");
    page.navigate(demo.url() + "/access/tfa");
    assertThat(page.locator("[data-passkey-last-used]").textContent()).isNotEqualTo("never");

    // The same signed answer, sent again by someone with the password: refused.
    assertThat(answer[0]).contains("authenticatorData");
    assertThat(replayedPasskeyAnswer(answer[0])).isEqualTo(401);
  }

  /** A password login by HTTP, then the captured answer to a new ceremony; the status. */
  int replayedPasskeyAnswer(String captured) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    io.pdmgitops.controller.app.WebLogin.Session before =
        io.pdmgitops.controller.app.WebLogin.anonymous(demo.url());
    var login =
        io.pdmgitops.controller.app.WebLogin.post(
            demo.url(), before, "admin@pdm", demo.demo().logins().get("admin@pdm"));
    assertThat(login.headers().firstValue("Location")).contains("/login/tfa");
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("PDM_SESSION="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElse(before.cookie());
    var tfaPage =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(demo.url() + "/login/tfa"))
                .header("Cookie", cookie)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
            .matcher(tfaPage.body());
    assertThat(token.find()).isTrue();
    for (String path : List.of("/login/tfa/passkey/options", "/login/tfa/passkey")) {
      var answer =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(demo.url() + path))
                  .header("Cookie", cookie)
                  .header("X-CSRF-TOKEN", token.group(1))
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          path.endsWith("options") ? "{}" : captured))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      if (!path.endsWith("options")) {
        return answer.statusCode();
      }
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
    throw new IllegalStateException("unreachable");
  }

  @Test
  void aUserOfAnOpenIdRealmLogsInThroughTheProvidersOwnPage() throws Exception {
    MockOAuth2Server provider = new MockOAuth2Server();
    // Another site than the controller (127.0.0.1, not localhost): the way back is cross-site,
    // as with a real provider, so the session cookie's SameSite=Strict is exercised.
    provider.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    try {
      demo.pushFileAndWait(
          clone,
          "access/sso.yaml",
          """
          apiVersion: pdm-gitops/v1
          kind: Realm
          metadata: {name: sso}
          spec:
            type: openid
            comment: Corporate SSO
            issuerUrl: "%s"
            clientId: pdm-gitops
            usernameClaim: preferred_username
            groupsClaim: groups
            prompt: login
          ---
          apiVersion: pdm-gitops/v1
          kind: Group
          metadata: {name: sso-east}
          spec:
            realmGroups: [{realm: sso, name: pdm-east}]
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: sso-east-audits-dc-east}
          spec: {subject: {group: sso-east}, role: Audit, path: /remotes/dc-east}
          """
              .formatted(provider.issuerUrl("sso")),
          "Single sign-on");
      // The provider's page asks for a web font: there is no Internet here.
      page.route("**/fonts.googleapis.com/**", com.microsoft.playwright.Route::abort);
      page.click("form.caller button[type=submit]");
      page.waitForURL(demo.url() + "/login?logout");
      page.navigate(demo.url() + "/remotes/dc-east");
      page.waitForURL(demo.url() + "/login");

      page.click("[data-single-sign-on] a[data-realm=sso]");
      // At the provider (prompt: login makes it ask): a name and the claims it will sign.
      page.waitForURL(url -> url.startsWith(provider.issuerUrl("sso").toString()));
      page.fill("input[name=username]", "olga-subject");
      page.fill(
          "textarea[name=claims]",
          "{\"preferred_username\": \"olga\", \"groups\": [\"pdm-east\"]}");
      page.click("input[type=submit]");
      // Back at the page asked for before the login.
      page.waitForURL(demo.url() + "/remotes/dc-east");
      assertThat(page.locator("[data-caller]").textContent()).isEqualTo("olga@sso");
      assertThat(page.locator("h1").textContent()).contains("dc-east");
      com.microsoft.playwright.Response west = page.navigate(demo.url() + "/remotes/dc-west");
      assertThat(west.status()).isEqualTo(403);
      screenshot("openid-login.png");
    } finally {
      provider.shutdown();
    }
  }

  @Test
  void aNodeShellOpensFromItsRowTakesTypingFollowsTheWindowAndEndsOnExit() throws Exception {
    page.navigate(demo.url() + "/remotes/dc-west");
    Page shell =
        page.waitForPopup(
            () -> page.locator("tr[data-node='pve-west-1'] [data-open-shell]").click());
    shell.locator("[data-shell-status][data-state=open]").waitFor();
    await().atMost(Duration.ofSeconds(20)).until(() -> screen(shell).contains("root@pve-west-1"));
    shell.locator("[data-terminal]").click();
    shell.keyboard().type("hostname\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> screen(shell).contains("\npve-west-1\n"));

    // A smaller window: xterm.js fits fewer columns and rows, and the shell is told.
    int wide = columns(shell);
    shell.setViewportSize(800, 500);
    await().atMost(Duration.ofSeconds(10)).until(() -> columns(shell) < wide);
    Object cols = shell.evaluate("() => document.querySelector('[data-terminal]').xterm.cols");
    Object rows = shell.evaluate("() => document.querySelector('[data-terminal]').xterm.rows");
    shell.keyboard().type("stty size\n");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> screen(shell).contains("\n" + rows + " " + cols + "\n"));
    shell.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shell.png")));

    shell.keyboard().type("exit\n");
    shell.locator("[data-shell-status][data-state=closed]").waitFor();
    assertThat(screen(shell)).contains("[pdm-gitops: the shell ended]");
    assertThat(demo.json("/api/v1/audit?kind=shell-closed").toString())
        .contains("/remotes/dc-west/nodes/pve-west-1")
        .containsPattern("[1-9][0-9]* bytes in, [1-9][0-9]* bytes out");

    // dc-east runs PVE 8: its rows say why there is no shell instead of opening a dead one.
    page.navigate(demo.url() + "/remotes/dc-east");
    assertThat(
            page.locator("tr[data-node='pve-east-1'] [data-shell-unavailable]")
                .getAttribute("title"))
        .contains("refuses API tokens on its console");
  }

  static int columns(Page shell) {
    return ((Number) shell.evaluate("() => document.querySelector('[data-terminal]').xterm.cols"))
        .intValue();
  }

  /** The terminal's text, line by line, from xterm.js's buffer. */
  static String screen(Page shell) {
    return (String)
        shell.evaluate(
            "() => { const b = document.querySelector('[data-terminal]').xterm.buffer.active;"
                + " const lines = [];"
                + " for (let i = 0; i < b.length; i++) lines.push(b.getLine(i).translateToString(true));"
                + " return lines.join('\\n'); }");
  }

  @Test
  void aWrongPasswordSaysSoAndLogoutEndsTheSession() {
    page.click("form.caller button[type=submit]");
    page.waitForURL(demo.url() + "/login?logout");
    assertThat(page.locator("[data-logged-out]").isVisible()).isTrue();
    // The dashboard now asks for a login again.
    page.navigate(demo.url() + "/resources");
    assertThat(page.url()).isEqualTo(demo.url() + "/login");
    page.fill("input[name=username]", "auditor@pdm");
    page.fill("input[name=password]", "not-the-password");
    page.click("form button[type=submit]");
    page.waitForURL(demo.url() + "/login?error");
    assertThat(page.locator("[data-login-failed]").textContent()).isEqualTo(LocalLogins.FAILED);
    // Back to the page asked for before the login.
    logIn("auditor@pdm", "/resources");
    screenshot("resources-auditor.png");
  }

  @Test
  void aBadSearchShowsItsProblemInThePage() {
    page.navigate(demo.url() + "/resources?search=colour:red");

    assertThat(page.locator("[data-problem]").textContent())
        .startsWith("unknown category 'colour' at column 1");
    screenshot("resources-problem.png");

    // Typed into the live search box, the 400 is swapped in place too (htmx-config).
    page.navigate(demo.url() + "/resources");
    page.evaluate("window.__loadedOnce = true");
    page.locator("#search").fill("shape:round");
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                page.locator("[data-problem]")
                    .textContent()
                    .startsWith("unknown category 'shape' at column 1"));
    assertThat(page.evaluate("window.__loadedOnce")).isEqualTo(true);
  }

  @Test
  void theHealthPageShowsFindingsSearchesThemAndRefreshesAnIndexAsATask() {
    page.navigate(demo.url() + "/health");
    // Every overview lists dc-east from its first tick; the button reads it now, not in its slot.
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(3))
        .ignoreExceptions()
        .until(
            () -> {
              page.navigate(demo.url() + "/health");
              if (page.locator("[data-finding='reboot-required']").count() > 0) {
                return true;
              }
              if (page.locator("tr[data-source='updates/dc-east'] button").count() > 0) {
                page.locator("tr[data-source='updates/dc-east'] button").click();
                page.waitForURL(demo.url() + "/health");
              }
              return false;
            });
    assertThat(page.locator("table[aria-label=Findings]").count()).isOne();

    page.locator("input[name=q]").fill("+finding:reboot node:pve-east-2");
    page.locator("form.filters button[type=submit]").click();
    page.waitForURL(url -> url.contains("q="));
    assertThat(page.locator("tr[data-finding]").count()).isOne();
    assertThat(page.locator("tr[data-finding]").textContent())
        .contains("pve-east-2 runs kernel 6.8.8-2-pve but 6.8.12-4-pve is installed")
        .contains("migrate its guests away and reboot it");
    screenshot("health.png");

    page.locator("input[name=q]").fill("colour:red");
    page.locator("form.filters button[type=submit]").click();
    assertThat(page.locator("[data-problem]").textContent())
        .startsWith("unknown category 'colour' at column 1");

    page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Updates")).click();
    page.waitForURL(demo.url() + "/health/overviews/updates");
    var openssl =
        page.locator(
            "tr[data-row='dc-east/pve-east-2']", new Page.LocatorOptions().setHasText("openssl"));
    assertThat(openssl.textContent()).contains("3.0.15-1~deb12u1").contains("security");
    String changelog = openssl.locator("a[data-changelog]").getAttribute("href");
    assertThat(page.request().get(demo.url() + changelog).text())
        .startsWith("openssl (3.0.15-1~deb12u1)");
    screenshot("health-updates.png");

    page.navigate(demo.url() + "/views/production");
    assertThat(page.locator("section[data-widget='health-findings'] h2").textContent())
        .isEqualTo("Production health");
    assertThat(Integer.parseInt(count("subscription-active"))).isPositive();
    page.goBack();

    page.locator(
            "tr[data-row='dc-east/pve-east-2']",
            new Page.LocatorOptions().setHasText("reboot needed"))
        .locator("button")
        .click();
    page.waitForURL(url -> url.contains("/tasks/dc-east/UPID:pve-east-2:"));
    assertThat(page.url()).contains(":aptupdate:");
  }
}
