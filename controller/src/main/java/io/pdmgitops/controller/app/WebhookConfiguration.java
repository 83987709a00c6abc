package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.GitPoller;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.webhooks.WebhookIntake;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Webhooks from Git hosts and CI: a signed push fetches at once (docs/ci.md). */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookConfiguration.class);

  /** Shorter secrets are refused: an HMAC key should not be guessable. */
  static final int MIN_SECRET_LENGTH = 16;

  @Bean
  WebhookIntake webhookIntake(
      ControllerProperties properties, SecretResolver secrets, GitPoller poller, AuditTrail audit) {
    return new WebhookIntake(
        secret(properties.webhooks(), secrets),
        properties.repository().branch(),
        poller::triggerSpaced,
        audit);
  }

  @Bean
  RouterFunction<ServerResponse> webhookRoutes(WebhookIntake intake) {
    return intake.routes();
  }

  /** The secret, or empty (hooks off) when none is given; never logged. */
  static Optional<byte[]> secret(ControllerProperties.Webhooks webhooks, SecretResolver secrets) {
    SecretRef ref =
        webhooks.secretFile() != null
            ? SecretRef.file(webhooks.secretFile().toString())
            : SecretRef.env(webhooks.secretEnv());
    String secret;
    try {
      secret = secrets.resolve(ref).strip();
    } catch (SecretResolver.SecretUnavailableException e) {
      LOG.info("webhooks are off: no secret in {}", describe(webhooks));
      return Optional.empty();
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalStateException(
          "the webhook secret in "
              + describe(webhooks)
              + " is shorter than "
              + MIN_SECRET_LENGTH
              + " characters: make a longer one, e.g. openssl rand -hex 32");
    }
    LOG.info("webhooks are on (secret from {})", describe(webhooks));
    return Optional.of(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(ControllerProperties.Webhooks webhooks) {
    return webhooks.secretFile() != null
        ? "file " + webhooks.secretFile()
        : "variable " + webhooks.secretEnv();
  }
}
