package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.loop.ReconcileLoop;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review mode on the demo: a one-click intent is pushed to a branch of its own, never to the
 * followed branch, and the page says what the branch would do once merged (its plan, judged against
 * the live fleet) and links to the merge request.
 */
class ReviewModeIT {
  @TempDir static Path data;
  static RunningDemo running;

  @BeforeAll
  static void start() throws Exception {
    running =
        new RunningDemo(
            data,
            Map.of(
                "pdm.repository.write-mode", "review",
                "pdm.repository.review-url",
                    "https://git.corp.example/fleet/compare/{target}...{branch}"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.app().getBean(ReconcileLoop.class).latestObserved().isPresent());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void anIntentBecomesABranchWithItsPlanAndALinkToTheMergeRequest() throws Exception {
    WebLogin.Session operator = running.login("operator@pdm");
    String main;
    try (Git git = Git.open(running.demo().repository().toFile())) {
      main = git.getRepository().resolve("refs/heads/main").name();
    }

    HttpResponse<String> answer =
        GuestIntentIT.intent(running, operator, "dc-east/120", "shutdown", true);

    assertThat(answer.statusCode()).isEqualTo(303);
    try (Git git = Git.open(running.demo().repository().toFile())) {
      assertThat(git.getRepository().resolve("refs/heads/main").name())
          .as("the followed branch is untouched")
          .isEqualTo(main);
      assertThat(git.branchList().call())
          .extracting(Ref::getName)
          .anySatisfy(name -> assertThat(name).startsWith("refs/heads/pdm-gitops/operator/"));
    }
    String page = running.send("/guests/dc-east/120", operator).body();
    assertThat(page)
        .contains("for review")
        .contains("Once merged, the controller would send: shutdown Guest/dns-01")
        .contains("href=\"https://git.corp.example/fleet/compare/main...pdm-gitops%2Foperator%2F");
    assertThat(Files.exists(data.resolve("plans"))).isTrue();
  }
}
