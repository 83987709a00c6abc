package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.app.RunningDemo;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.loop.SuspendSwitch;
import io.pdmgitops.controller.security.TokenSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The command line against a running demo controller, as CI uses it: {@code plan} of a pushed
 * branch, of a commit, of a local directory (valid and invalid), {@code status}, {@code diff},
 * {@code sync}, {@code suspend} and {@code resume}, each with a token of a robot user declared in
 * Git, and the refusals of a token narrowed to one remote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteCommandsIT {
  static final String CI = TokenSecret.generate();
  static final String EAST = TokenSecret.generate();
  static final String WEBHOOK_SECRET = TokenSecret.generate();

  @TempDir static Path temp;
  static RunningDemo running;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(temp.resolve("webhook-secret"), WEBHOOK_SECRET);
    running =
        new RunningDemo(
            Files.createDirectories(temp.resolve("data")),
            java.util.Map.of(
                "pdm.webhooks.secret-file", temp.resolve("webhook-secret").toString()));
    running.pushFileAndWait(
        temp.resolve("users"),
        "access/ci.yaml",
        """
        apiVersion: pdm-gitops/v1
        kind: User
        metadata: {name: ci}
        spec:
          realm: pdm
          tokens:
            - {name: pipeline, secretHash: "%s"}
            - {name: east, secretHash: "%s", path: /remotes/dc-east}
        ---
        apiVersion: pdm-gitops/v1
        kind: AccessRule
        metadata: {name: ci-manages-all}
        spec: {subject: {user: ci@pdm}, role: Manage, path: /}
        """
            .formatted(TokenSecret.hash(CI), TokenSecret.hash(EAST)),
        "A robot for CI");
    // Plans are judged against the last full cycle's observation.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.app().getBean(ReconcileLoop.class).latestObserved().isPresent());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  /** Exit code and output of one command line. */
  record Run(int exit, String out, String err) {}

  static Run run(String token, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--controller");
    all.add(running.url());
    all.add("--token");
    all.add("ci@pdm!" + token);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = PdmGitopsCommand.newCommandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int exit = line.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  static String pipeline() {
    return "pipeline=" + CI;
  }

  /** Pushes a branch off the followed one with dns-01 stopped; returns the commit id. */
  static String pushBranch(String branch) throws Exception {
    Path clone = temp.resolve("branch-" + branch);
    try (Git git =
        Git.cloneRepository()
            .setURI(running.demo().repository().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      git.checkout().setCreateBranch(true).setName(branch).call();
      Path file = clone.resolve("guests/dc-east.yaml");
      String text = Files.readString(file);
      String changed =
          text.replace("  name: dns-01\n  power: running", "  name: dns-01\n  power: stopped");
      assertThat(changed).isNotEqualTo(text);
      Files.writeString(file, changed);
      git.add().addFilepattern(".").call();
      PersonIdent dev = new PersonIdent("Dev", "dev@corp.example");
      String sha =
          git.commit().setMessage("Stop dns-01").setAuthor(dev).setCommitter(dev).call().getName();
      git.push().setRefSpecs(new RefSpec(branch + ":" + branch)).call();
      return sha;
    }
  }

  @Test
  @Order(1)
  void planOfABranchShowsTheGitChangeAndTheActionAndExitsOne() throws Exception {
    String sha = pushBranch("stop-dns");

    Run text = run(pipeline(), "plan", "--ref", "stop-dns");

    assertThat(text.exit()).as(text.err()).isEqualTo(PlanCommand.CHANGES);
    assertThat(text.out())
        .contains("Plan of stop-dns at " + sha.substring(0, 12))
        .contains("Guest/dns-01 (changed in Git)")
        .contains("power: desired stopped, observed running")
        .contains("-> shutdown on dc-east/120");

    Run markdown = run(pipeline(), "plan", "--ref", sha.substring(0, 10), "--format", "markdown");
    assertThat(markdown.exit()).isEqualTo(PlanCommand.CHANGES);
    assertThat(markdown.out())
        .startsWith("### pdm-gitops plan: `commit " + sha.substring(0, 10) + "`")
        .contains("| `Guest/dns-01` | changed | power | stopped | running | **shutdown** |");
  }

  @Test
  @Order(2)
  void planOfTheFollowedBranchChangesNothingInGit() {
    Run json = run(pipeline(), "plan", "--ref", "main", "--format", "json");

    assertThat(json.exit()).as(json.err()).isIn(PlanCommand.NO_CHANGES, PlanCommand.CHANGES);
    JsonNode plan = ControllerClient.JSON.readTree(json.out());
    assertThat(plan.path("valid").asBoolean()).isTrue();
    assertThat(plan.path("summary").path("added").asLong()).isZero();
    assertThat(plan.path("summary").path("changed").asLong()).isZero();
    assertThat(plan.path("summary").path("removed").asLong()).isZero();
    // Whatever it lists drifts on the fleet now, not in Git; and the exit code says exactly that.
    for (JsonNode item : plan.path("resources")) {
      assertThat(item.path("change").asString()).isEqualTo("none");
    }
    boolean actions =
        plan.path("summary").path("actions").asLong() > 0
            || plan.path("summary").path("blocked").asLong() > 0;
    assertThat(json.exit()).isEqualTo(actions ? PlanCommand.CHANGES : PlanCommand.NO_CHANGES);
  }

  @Test
  @Order(3)
  void planOfAnInvalidDirectoryPrintsItsProblemsAtFileLineColumnAndExitsTwo() throws Exception {
    Path dir = temp.resolve("candidate");
    io.pdmgitops.controller.TestFiles.copyTree(Path.of("../examples/demo-repo"), dir);
    Files.writeString(
        dir.resolve("guests/broken.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: broken}
        spec:
          remote: dc-east
          vmid: 12
          type: qemu
          name: broken
        """);

    Run run = run(pipeline(), "plan", "--dir", dir.toString());

    assertThat(run.exit()).isEqualTo(PlanCommand.ERROR);
    assertThat(run.out()).contains("Invalid").containsPattern("guests/broken\\.yaml:6:\\d+: error");
  }

  @Test
  @Order(4)
  void planOfAValidDirectoryJudgesItsEdits() throws Exception {
    Path dir = temp.resolve("valid");
    io.pdmgitops.controller.TestFiles.copyTree(Path.of("../examples/demo-repo"), dir);
    Path file = dir.resolve("guests/dc-east.yaml");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("  name: dns-01\n  power: running", "  name: dns-01\n  power: stopped"));

    Run run = run(pipeline(), "plan", "--dir", dir.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(PlanCommand.CHANGES);
    assertThat(run.out()).contains("Plan of directory (").contains("Guest/dns-01 (changed in Git)");
  }

  @Test
  @Order(5)
  void anUnknownRefIsAnErrorThatNamesIt() {
    Run run = run(pipeline(), "plan", "--ref", "no-such-branch");

    assertThat(run.exit()).isEqualTo(PlanCommand.ERROR);
    assertThat(run.err()).contains("no branch, tag or commit 'no-such-branch'").contains("404");
  }

  @Test
  @Order(6)
  void aTokenNarrowedToOneRemoteMayNotPlanTheWholeFleetNorSuspendIt() {
    Run plan = run("east=" + EAST, "plan", "--ref", "main");
    assertThat(plan.exit()).isEqualTo(PlanCommand.ERROR);
    assertThat(plan.err()).contains("403");

    Run suspend = run("east=" + EAST, "suspend");
    assertThat(suspend.exit()).isEqualTo(PdmGitopsCommand.CANNOT);
    assertThat(suspend.err()).contains("403");
    assertThat(Files.exists(temp.resolve("data").resolve(SuspendSwitch.FILE_NAME))).isFalse();
  }

  @Test
  @Order(7)
  void statusDiffAndSyncReadAndNudgeTheRunningController() {
    Run status = run(pipeline(), "status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).contains("In force: ").contains("A robot for CI").contains("Sync:");

    // Synced although a plan of its branch asked to stop it: planning sends nothing.
    Run diff = run(pipeline(), "diff", "Guest/dns-01");
    assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
    assertThat(diff.out()).startsWith("Guest/dns-01: SYNCED");

    Run sync = run(pipeline(), "sync", "guest/dns-01");
    assertThat(sync.exit()).as(sync.err()).isZero();
    assertThat(sync.out()).contains("Guest/dns-01 is planned in the cycle that starts now");

    Run unknown = run(pipeline(), "diff", "Guest/nope");
    assertThat(unknown.exit()).isEqualTo(PdmGitopsCommand.CANNOT);
    assertThat(unknown.err()).contains("no declared resource Guest/nope");
  }

  @Test
  @Order(8)
  void suspendAndResumeThroughTheApiUseTheSameMarkerAsTheDataDirectory() throws Exception {
    Run suspend = run(pipeline(), "suspend", "--reason", "change freeze");
    assertThat(suspend.exit()).as(suspend.err()).isZero();
    Path marker = temp.resolve("data").resolve(SuspendSwitch.FILE_NAME);
    assertThat(Files.readString(marker)).contains("change freeze (ci@pdm");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> running.json("/api/v1/status").path("suspended").asBoolean());
    assertThat(run(pipeline(), "status").out()).startsWith("Suspended");
    assertThat(running.text("/api/v1/audit?kind=suspended")).contains("ci@pdm");

    Run resume = run(pipeline(), "resume");
    assertThat(resume.exit()).isZero();
    assertThat(resume.out()).contains("Resumed");
    assertThat(marker).doesNotExist();
  }

  /**
   * docs/ci.md's recipes as CI would run them: each {@code pdm-gitops.jar} command of a {@code
   * run:} or {@code script:} on a checkout of the demo repository (with the controller and token
   * CI's variables would give), and each webhook script with bash, openssl and curl.
   */
  @Test
  @Order(9)
  void theRecipesOfTheCiDocRunAgainstTheDemo() throws Exception {
    Path checkout = temp.resolve("recipe-checkout");
    io.pdmgitops.controller.TestFiles.copyTree(
        Path.of("../examples/demo-repo"), checkout.resolve("desired-state"));
    String sha;
    try (Git git = Git.open(running.demo().repository().toFile())) {
      sha = git.getRepository().resolve("refs/heads/main").name();
    }
    int commands = 0;
    int hooks = 0;
    for (CiRecipesTest.Block block : CiRecipesTest.blocks()) {
      if (!block.language().equals("yml")) {
        continue;
      }
      List<String> scripts = new ArrayList<>();
      collectScripts(new org.yaml.snakeyaml.Yaml().load(block.text()), scripts);
      for (String script : scripts) {
        java.util.regex.Matcher command = CiRecipesTest.COMMAND.matcher(script);
        while (command.find()) {
          String[] args =
              command
                  .group(1)
                  .strip()
                  .replace("desired-state/", checkout.resolve("desired-state") + "/")
                  .replace("\"$CI_COMMIT_SHA\"", sha)
                  .split("\\s+");
          Run result = args[0].equals("validate") ? plain(args) : run(pipeline(), args);
          assertThat(result.exit())
              .as("%s: %s%s", command.group(1), result.out(), result.err())
              .isIn(0, 1);
          commands++;
        }
        if (script.contains("/api/v1/webhooks/")) {
          ProcessBuilder bash = new ProcessBuilder("bash", "-euc", script);
          bash.environment().put("PDM_WEBHOOK_SECRET", WEBHOOK_SECRET);
          bash.environment().put("PDM_GITOPS_CONTROLLER", running.url());
          bash.redirectErrorStream(true);
          Process process = bash.start();
          String output = new String(process.getInputStream().readAllBytes());
          assertThat(process.waitFor()).as(output).isZero();
          assertThat(output).contains("queued");
          hooks++;
        }
      }
    }
    assertThat(commands).as("pdm-gitops commands run").isGreaterThanOrEqualTo(6);
    assertThat(hooks).as("webhook scripts run").isEqualTo(3);
  }

  /** The strings under every {@code run} and {@code script} key, however deep. */
  @SuppressWarnings("unchecked")
  private static void collectScripts(Object node, List<String> out) {
    if (node instanceof java.util.Map<?, ?> map) {
      for (var entry : ((java.util.Map<Object, Object>) map).entrySet()) {
        Object key = entry.getKey();
        Object value = entry.getValue();
        if (("run".equals(key) || "script".equals(key)) && value instanceof String text) {
          out.add(text);
        } else if ("script".equals(key) && value instanceof List<?> lines) {
          lines.forEach(line -> out.add(String.valueOf(line)));
        } else {
          collectScripts(value, out);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectScripts(item, out));
    }
  }

  private static Run plain(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = PdmGitopsCommand.newCommandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int exit = line.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
