package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.controller.security.TokenSecret;
import org.junit.jupiter.api.Test;

/** The client refuses options that would leak the token or cannot work, before connecting. */
class ControllerClientTest {
  private static ControllerOptions options(String url, String token) {
    ControllerOptions options = new ControllerOptions();
    options.url = url;
    options.token = token;
    return options;
  }

  private static final String TOKEN = "ci@pdm!pipeline=" + TokenSecret.generate();

  @Test
  void plainHttpIsOnlyForThisMachine() throws Exception {
    assertThatThrownBy(() -> ControllerClient.of(options("http://pdm.example.com:8443", TOKEN)))
        .hasMessageContaining("plain http would send the token in the clear")
        .hasMessageNotContaining(TOKEN.substring(TOKEN.indexOf('=') + 1));
    assertThat(ControllerClient.of(options("http://localhost:8080", TOKEN))).isNotNull();
    assertThat(ControllerClient.of(options("http://127.0.0.1:8080/", TOKEN))).isNotNull();
  }

  @Test
  void aMissingControllerOrTokenSaysWhereToGiveIt() {
    assertThatThrownBy(() -> ControllerClient.of(options(null, TOKEN)))
        .hasMessageContaining("PDM_GITOPS_CONTROLLER");
    assertThatThrownBy(() -> ControllerClient.of(options("https://pdm.example.com", null)))
        .hasMessageContaining("PDM_GITOPS_TOKEN");
    assertThatThrownBy(() -> ControllerClient.of(options("ftp://pdm.example.com", TOKEN)))
        .hasMessageContaining("https URL");
  }

  @Test
  void aTokenThatIsNotUserRealmNameSecretIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> ControllerClient.of(options("https://pdm.example.com", "s3cr3t-value")))
        .hasMessageContaining("USER@REALM!NAME=SECRET")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void aFingerprintMustBeSha256() {
    ControllerOptions options = options("https://pdm.example.com", TOKEN);
    options.fingerprint = "AB:CD";
    assertThatThrownBy(() -> ControllerClient.of(options)).hasMessageContaining("64 hex digits");
  }
}
