package io.pdmgitops.webui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plan request's body: one of ref and files, JSON, nothing unknown. */
class PlanRoutesTest {
  private static PlanRequest parse(String json) {
    return PlanRoutes.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRefOrFilesAreRead() {
    assertThat(parse("{\"ref\": \"feature-x\"}").ref()).contains("feature-x");
    assertThat(parse("{\"files\": {\"a.yaml\": \"kind: View\"}}").files())
        .hasValueSatisfying(f -> assertThat(f).containsEntry("a.yaml", "kind: View"));
  }

  @Test
  void bothNeitherUnknownFieldsAndNonJsonAreBadRequests() {
    for (String body :
        new String[] {
          "{\"ref\": \"a\", \"files\": {}}", "{}", "{\"branch\": \"a\"}", "ref=main", ""
        }) {
      assertThatThrownBy(() -> parse(body))
          .as(body)
          .isInstanceOf(PlanRefusedException.class)
          .satisfies(e -> assertThat(((PlanRefusedException) e).status()).isEqualTo(400));
    }
  }
}
