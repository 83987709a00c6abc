package io.pdmgitops.controller.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewLinksTest {
  @Test
  void theTemplateGetsTheBranchAndTheTargetEncoded() {
    ReviewLinks github =
        new ReviewLinks(
            Optional.of("https://github.com/infra/fleet/compare/{target}...{branch}?expand=1"),
            "main");
    ReviewLinks gitlab =
        new ReviewLinks(
            Optional.of(
                "https://gitlab.corp.example/infra/fleet/-/merge_requests/new"
                    + "?merge_request[source_branch]={branch}&merge_request[target_branch]={target}"),
            "main");

    assertThat(github.link("pdm-gitops/alice/stop-web-abc1234"))
        .contains(
            "https://github.com/infra/fleet/compare/main...pdm-gitops%2Falice%2Fstop-web-abc1234?expand=1");
    assertThat(gitlab.link("pdm-gitops/bob/x-1"))
        .contains(
            "https://gitlab.corp.example/infra/fleet/-/merge_requests/new"
                + "?merge_request[source_branch]=pdm-gitops%2Fbob%2Fx-1&merge_request[target_branch]=main");
  }

  @Test
  void withoutATemplateOrWithAnotherSchemeThereIsNoLink() {
    assertThat(new ReviewLinks(Optional.empty(), "main").link("b")).isEmpty();
    assertThat(new ReviewLinks(Optional.of("javascript:alert({branch})"), "main").link("b"))
        .isEmpty();
  }
}
