package io.pdmgitops.controller.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.webhooks.WebhookProvider.Intent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Each host's signature and payload, on payloads shaped as the hosts document them. */
class WebhookProviderTest {
  static final byte[] SECRET = "a-webhook-secret-of-some-length".getBytes(StandardCharsets.UTF_8);

  static byte[] payload(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
  }

  static String mac(byte[] body) {
    return HexFormat.of().formatHex(WebhookProvider.hmac(SECRET, body));
  }

  static HttpHeaders headers(String... pairs) {
    HttpHeaders headers = new HttpHeaders();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  @Test
  void gitHubSignsTheRawBodyWithAPrefixedHmac() throws IOException {
    byte[] body = payload("github-push.json");
    HttpHeaders signed =
        headers("X-Hub-Signature-256", "sha256=" + mac(body), "X-GitHub-Event", "push");

    assertThat(WebhookProvider.GITHUB.signed(signed, body, SECRET)).isTrue();
    assertThat(WebhookProvider.GITHUB.read(signed, body))
        .isEqualTo(
            new WebhookProvider.Delivery(Intent.PUSH, Optional.of("refs/heads/main"), "push"));
    byte[] altered = new String(body, StandardCharsets.UTF_8).replace("main", "mains").getBytes();
    assertThat(WebhookProvider.GITHUB.signed(signed, altered, SECRET))
        .as("the body changed after signing")
        .isFalse();
    assertThat(WebhookProvider.GITHUB.signed(headers(), body, SECRET)).as("unsigned").isFalse();
    assertThat(
            WebhookProvider.GITHUB.signed(headers("X-Hub-Signature-256", mac(body)), body, SECRET))
        .as("without the sha256= prefix")
        .isFalse();
    assertThat(
            WebhookProvider.GITHUB.signed(
                headers("X-Hub-Signature-256", "sha256=" + mac(body)),
                body,
                "another-secret-of-some-length".getBytes()))
        .as("another secret")
        .isFalse();
    assertThat(
            WebhookProvider.GITHUB.signed(
                headers("X-Hub-Signature-256", "sha256=" + "zz".repeat(32)), body, SECRET))
        .as("not hex")
        .isFalse();
  }

  @Test
  void gitHubsPingIsAPingAndOtherEventsAreNothingToDo() throws IOException {
    byte[] ping = payload("github-ping.json");

    assertThat(WebhookProvider.GITHUB.read(headers("X-GitHub-Event", "ping"), ping).intent())
        .isEqualTo(Intent.PING);
    assertThat(WebhookProvider.GITHUB.read(headers("X-GitHub-Event", "issues"), ping).intent())
        .isEqualTo(Intent.OTHER);
  }

  @Test
  void gitLabSendsTheSecretItselfAndNamesTheEvent() throws IOException {
    byte[] body = payload("gitlab-push.json");
    String secret = new String(SECRET, StandardCharsets.UTF_8);

    assertThat(WebhookProvider.GITLAB.signed(headers("X-Gitlab-Token", secret), body, SECRET))
        .isTrue();
    assertThat(
            WebhookProvider.GITLAB.signed(
                headers("X-Gitlab-Token", secret.substring(1)), body, SECRET))
        .isFalse();
    assertThat(WebhookProvider.GITLAB.signed(headers(), body, SECRET)).isFalse();
    assertThat(WebhookProvider.GITLAB.read(headers("X-Gitlab-Event", "Push Hook"), body))
        .isEqualTo(
            new WebhookProvider.Delivery(Intent.PUSH, Optional.of("refs/heads/main"), "Push Hook"));
    assertThat(
            WebhookProvider.GITLAB
                .read(headers("X-Gitlab-Event", "Tag Push Hook"), payload("gitlab-tag-push.json"))
                .intent())
        .isEqualTo(Intent.OTHER);
  }

  @Test
  void giteaSignsWithABareHexHmac() throws IOException {
    byte[] body = payload("gitea-push.json");
    HttpHeaders signed = headers("X-Gitea-Signature", mac(body), "X-Gitea-Event", "push");

    assertThat(WebhookProvider.GITEA.signed(signed, body, SECRET)).isTrue();
    assertThat(WebhookProvider.GITEA.read(signed, body).ref()).contains("refs/heads/main");
    assertThat(
            WebhookProvider.GITEA.signed(
                headers("X-Gitea-Signature", "sha256=" + mac(body)), body, SECRET))
        .isFalse();
  }

  @Test
  void theGenericHookTakesAShortOrFullRefOrNone() {
    byte[] shortRef = "{\"ref\":\"main\"}".getBytes();
    byte[] none = new byte[0];

    assertThat(
            WebhookProvider.GENERIC.signed(
                headers("X-Signature", "sha256=" + mac(shortRef)), shortRef, SECRET))
        .isTrue();
    assertThat(WebhookProvider.GENERIC.read(headers(), shortRef).ref()).contains("refs/heads/main");
    assertThat(WebhookProvider.GENERIC.read(headers(), none))
        .isEqualTo(new WebhookProvider.Delivery(Intent.PUSH, Optional.empty(), "generic"));
    assertThat(
            WebhookProvider.GENERIC.signed(
                headers("X-Signature", "sha256=" + mac(none)), none, SECRET))
        .isTrue();
  }
}
