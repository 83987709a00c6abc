package io.pdmgitops.controller.webhooks;

import io.pdmgitops.controller.security.AccessWebFilter;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.webui.BoundedBody;
import io.pdmgitops.webui.audit.AuditKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/webhooks/{github|gitlab|gitea|generic}}: a Git host or CI says the branch
 * moved, and the controller fetches now instead of at the next poll. Rules:
 *
 * <ol>
 *   <li>No login and no form token: the delivery's signature ({@link WebhookProvider}) is the only
 *       proof, made with the secret configured here. A missing or wrong one is 401, logged and in
 *       the audit log, and nothing is fetched. Without a configured secret the hooks are off (404).
 *   <li>A body over {@link #MAX_BODY} is 413: at once when its length says so, else as soon as that
 *       much has arrived; it is never held whole. The body must arrive within {@link
 *       #READ_TIMEOUT}.
 *   <li>At most {@link #MAX_IN_FLIGHT} deliveries are read at a time; more are 503 with {@code
 *       Retry-After}, so a flood costs bounded memory.
 *   <li>A push to the followed branch queues a fetch (202); the fetcher starts it at once unless
 *       one started within the last second, and then once at the end of that second, so a hundred
 *       pushes cost two fetches. A push to another branch, a tag or another event is 202 and
 *       ignored; GitHub's ping is answered 200.
 *   <li>The new commit, once fetched, gets a focused reconcile of the remotes it touches, as any
 *       commit does.
 * </ol>
 */
public final class WebhookIntake {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static final String PATH = "/api/v1/webhooks/{provider}";
  public static final int MAX_BODY = 1024 * 1024;
  public static final int MAX_IN_FLIGHT = 32;
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Optional<byte[]> secret;
  private final String branch;
  private final Runnable fetch;
  private final AuditTrail audit;
  private final Semaphore inFlight;
  private final Duration readTimeout;

  /**
   * @param secret the shared secret of every provider; empty turns the hooks off
   * @param branch the branch the controller follows, without {@code refs/heads/}
   * @param fetch asks the fetcher for a fetch now (coalescing)
   */
  public WebhookIntake(Optional<byte[]> secret, String branch, Runnable fetch, AuditTrail audit) {
    this(secret, branch, fetch, audit, MAX_IN_FLIGHT, READ_TIMEOUT);
  }

  WebhookIntake(
      Optional<byte[]> secret,
      String branch,
      Runnable fetch,
      AuditTrail audit,
      int maxInFlight,
      Duration readTimeout) {
    this.secret = secret.map(byte[]::clone);
    this.branch = branch;
    this.fetch = fetch;
    this.audit = audit;
    this.inFlight = new Semaphore(maxInFlight);
    this.readTimeout = readTimeout;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route().POST(PATH, this::handle).build();
  }

  Mono<ServerResponse> handle(ServerRequest request) {
    Optional<WebhookProvider> provider = WebhookProvider.of(request.pathVariable("provider"));
    if (provider.isEmpty()) {
      return answer(
          HttpStatus.NOT_FOUND,
          "problem",
          "No such webhook: use github, gitlab, gitea or generic.");
    }
    if (secret.isEmpty()) {
      return answer(
          HttpStatus.NOT_FOUND,
          "problem",
          "Webhooks are off: give the controller a secret (PDM_WEBHOOK_SECRET, see docs/ci.md).");
    }
    if (request.headers().contentLength().orElse(-1) > MAX_BODY) {
      return tooLarge();
    }
    if (!inFlight.tryAcquire()) {
      return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "1")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(message("problem", "Too many deliveries at once: retry in a second."));
    }
    return BoundedBody.read(request, MAX_BODY)
        .timeout(readTimeout)
        .flatMap(body -> delivered(provider.get(), request, body))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge())
        .onErrorResume(
            TimeoutException.class,
            e -> answer(HttpStatus.REQUEST_TIMEOUT, "problem", "The body did not arrive in time."))
        .doFinally(signal -> inFlight.release());
  }

  private Mono<ServerResponse> delivered(
      WebhookProvider provider, ServerRequest request, byte[] body) {
    String address = AccessWebFilter.address(request.exchange());
    if (!provider.signed(request.headers().asHttpHeaders(), body, secret.get())) {
      LOG.warn(
          "webhook {} from {}: signature missing or wrong, nothing fetched",
          provider.wire(),
          address);
      audit.record(
          AuditKind.DENIED,
          "webhook:" + provider.wire(),
          address,
          "POST /api/v1/webhooks/" + provider.wire(),
          "signature missing or wrong");
      return answer(
          HttpStatus.UNAUTHORIZED, "problem", "The signature is missing or does not match.");
    }
    WebhookProvider.Delivery delivery = provider.read(request.headers().asHttpHeaders(), body);
    String followed = "refs/heads/" + branch;
    return switch (delivery.intent()) {
      case PING ->
          answer(HttpStatus.OK, "pong", "The hook works; pushes to " + followed + " fetch.");
      case OTHER ->
          answer(HttpStatus.ACCEPTED, "ignored", "Event '" + delivery.event() + "' is not a push.");
      case PUSH -> {
        if (delivery.ref().isPresent() && !delivery.ref().get().equals(followed)) {
          yield answer(
              HttpStatus.ACCEPTED,
              "ignored",
              "A push to " + delivery.ref().get() + "; the controller follows " + followed + ".");
        }
        LOG.info("webhook {} from {}: push to {}, fetching", provider.wire(), address, followed);
        fetch.run();
        yield answer(HttpStatus.ACCEPTED, "fetch", "queued");
      }
    };
  }

  private static Mono<ServerResponse> tooLarge() {
    return answer(
        HttpStatus.CONTENT_TOO_LARGE,
        "problem",
        "The body is larger than " + MAX_BODY / 1024 + " KiB.");
  }

  private static Mono<ServerResponse> answer(HttpStatus status, String field, String text) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(message(field, text));
  }

  private static String message(String field, String text) {
    ObjectNode node = JSON.createObjectNode();
    node.put(field, text);
    return node.toString();
  }
}
