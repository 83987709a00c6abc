package io.pdmgitops.controller.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Git host's way of signing and describing a delivery (each as its documentation says):
 *
 * <ul>
 *   <li>GitHub: {@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256 of the raw body; {@code
 *       X-GitHub-Event: push} with {@code ref}, or {@code ping}.
 *   <li>GitLab: {@code X-Gitlab-Token: <secret>}, the secret itself; {@code X-Gitlab-Event: Push
 *       Hook} with {@code ref} (and {@code object_kind: push}).
 *   <li>Gitea and Forgejo: {@code X-Gitea-Signature: <hex>}, HMAC-SHA256 of the raw body; {@code
 *       X-Gitea-Event: push} with {@code ref}.
 *   <li>Generic (any CI): {@code X-Signature: sha256=<hex>}, HMAC-SHA256 of the raw body; a JSON
 *       body may name the {@code ref} ({@code refs/heads/main} or {@code main}); without one it
 *       asks for a fetch.
 * </ul>
 *
 * Every comparison takes the same time whatever matches (a MAC or a hash of the token is compared,
 * never the text as it comes).
 */
public enum WebhookProvider {
  GITHUB("github"),
  GITLAB("gitlab"),
  GITEA("gitea"),
  GENERIC("generic");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String wire;

  WebhookProvider(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<WebhookProvider> of(String wire) {
    for (WebhookProvider provider : values()) {
      if (provider.wire.equals(wire)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }

  /** What a delivery asks for. */
  public enum Intent {
    /** A push: fetch if it is to the followed branch. */
    PUSH,
    /** A host checking the hook works (GitHub's ping). */
    PING,
    /** Anything else (tags, issues, merge requests): nothing to do. */
    OTHER
  }

  /**
   * @param ref the full ref pushed to ({@code refs/heads/main}); empty for a generic delivery that
   *     names none, or a delivery that is no push
   */
  public record Delivery(Intent intent, Optional<String> ref, String event) {}

  /** Whether the delivery carries this host's proof of the secret. */
  public boolean signed(HttpHeaders headers, byte[] body, byte[] secret) {
    return switch (this) {
      case GITHUB -> prefixedMac(headers.getFirst("X-Hub-Signature-256"), body, secret);
      case GITEA -> mac(headers.getFirst("X-Gitea-Signature"), body, secret);
      case GENERIC -> prefixedMac(headers.getFirst("X-Signature"), body, secret);
      case GITLAB -> sameSecret(headers.getFirst("X-Gitlab-Token"), secret);
    };
  }

  /** What a signed delivery says; a body that is not JSON is an OTHER delivery, not an error. */
  public Delivery read(HttpHeaders headers, byte[] body) {
    JsonNode json = parse(body);
    Optional<String> ref = text(json, "ref");
    return switch (this) {
      case GITHUB -> {
        String event = Optional.ofNullable(headers.getFirst("X-GitHub-Event")).orElse("");
        yield switch (event) {
          case "push" -> new Delivery(Intent.PUSH, ref, event);
          case "ping" -> new Delivery(Intent.PING, Optional.empty(), event);
          default -> new Delivery(Intent.OTHER, Optional.empty(), event);
        };
      }
      case GITLAB -> {
        String event = Optional.ofNullable(headers.getFirst("X-Gitlab-Event")).orElse("");
        boolean push =
            event.equals("Push Hook") || text(json, "object_kind").orElse("").equals("push");
        yield new Delivery(push ? Intent.PUSH : Intent.OTHER, push ? ref : Optional.empty(), event);
      }
      case GITEA -> {
        String event = Optional.ofNullable(headers.getFirst("X-Gitea-Event")).orElse("");
        boolean push = event.equals("push");
        yield new Delivery(push ? Intent.PUSH : Intent.OTHER, push ? ref : Optional.empty(), event);
      }
      case GENERIC ->
          new Delivery(
              Intent.PUSH, ref.map(r -> r.startsWith("refs/") ? r : "refs/heads/" + r), "generic");
    };
  }

  private static boolean prefixedMac(String header, byte[] body, byte[] secret) {
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
      return false;
    }
    return mac(header.substring("sha256=".length()), body, secret);
  }

  private static boolean mac(String hex, byte[] body, byte[] secret) {
    if (hex == null || hex.length() != 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(secret, body));
  }

  private static boolean sameSecret(String given, byte[] secret) {
    if (given == null) {
      return false;
    }
    // Hashes of equal length: the time taken says nothing about the secret's length or prefix.
    return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)), sha256(secret));
  }

  /** HMAC-SHA256 of the body with the secret, as every host computes it. */
  public static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    return value.isString() && !value.asString().isBlank()
        ? Optional.of(value.asString())
        : Optional.empty();
  }
}
