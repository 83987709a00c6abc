package io.pdmgitops.controller.security.tfa;

import io.pdmgitops.controller.security.AccessWebFilter;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkey ceremonies, called by {@code /js/passkeys.js}: add one on the second-factor page (a
 * full login, or a half one that must enrol), use one at {@code /login/tfa}, remove one. Rules:
 *
 * <ol>
 *   <li>Each {@code options} call starts a ceremony kept in the session (one at a time); the answer
 *       that follows is checked against it and ends it, whatever the outcome.
 *   <li>A ceremony belongs to the session's user: the answer cannot be for anyone else.
 *   <li>Answers are JSON, at most {@link #MAX_BODY} bytes; the form token comes as a header, as for
 *       htmx.
 *   <li>Adding a passkey completes a login that had to enrol one; using one completes a login that
 *       owes a second factor. Either way the session id is renewed.
 * </ol>
 */
final class PasskeyRoutes {
  static final String ADD_OPTIONS = SecondFactorRoutes.ENROL + "/passkey/options";
  static final String ADD = SecondFactorRoutes.ENROL + "/passkey";
  static final String REMOVE = SecondFactorRoutes.ENROL + "/passkey/remove";
  static final String LOGIN_OPTIONS = SecondFactorRoutes.LOGIN + "/passkey/options";
  static final String LOGIN = SecondFactorRoutes.LOGIN + "/passkey";
  static final int MAX_BODY = 64 * 1024;
  static final String CEREMONY = "pdm.passkey.ceremony";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Passkeys passkeys;
  private final LoginCompletion completion;

  PasskeyRoutes(Passkeys passkeys, LoginCompletion completion) {
    this.passkeys = passkeys;
    this.completion = completion;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST(ADD_OPTIONS, r -> options(r, false))
        .POST(ADD, this::add)
        .POST(REMOVE, this::remove)
        .POST(LOGIN_OPTIONS, r -> options(r, true))
        .POST(LOGIN, this::login)
        .build();
  }

  /**
   * A new ceremony: creation options for a full login or one that must enrol, request options for
   * one that owes its second factor.
   */
  private Mono<ServerResponse> options(ServerRequest request, boolean forLogin) {
    return LoginCompletion.current()
        .filter(auth -> mayAdd(auth) != forLogin && (!forLogin || owesFactor(auth)))
        .flatMap(
            auth ->
                request
                    .session()
                    .flatMap(
                        session ->
                            blocking(
                                    () -> {
                                      Passkeys.Ceremony ceremony =
                                          passkeys.begin(auth.getName(), origin(request));
                                      session.getAttributes().put(CEREMONY, ceremony);
                                      return forLogin
                                          ? passkeys.requestOptions(ceremony)
                                          : passkeys.creationOptions(ceremony);
                                    })
                                .flatMap(PasskeyRoutes::json)))
        .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.FORBIDDEN, "Not now: log in again.")));
  }

  /** An answer to the session's ceremony, from a caller in the stage that may give it. */
  @FunctionalInterface
  private interface Answer {
    Mono<ServerResponse> handle(
        Authentication auth, Passkeys.Ceremony ceremony, JsonNode body, WebSession session);
  }

  private Mono<ServerResponse> answered(
      ServerRequest request, java.util.function.Predicate<Authentication> stage, Answer answer) {
    return LoginCompletion.current()
        .filter(stage)
        .flatMap(
            auth ->
                Mono.zip(body(request), request.session())
                    .flatMap(
                        t ->
                            take(t.getT2(), auth)
                                .map(c -> answer.handle(auth, c, t.getT1(), t.getT2()))
                                .orElseGet(
                                    () ->
                                        problem(
                                            HttpStatus.BAD_REQUEST, "No passkey was asked for."))))
        .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.FORBIDDEN, "Not now: log in again.")));
  }

  private Mono<ServerResponse> add(ServerRequest request) {
    return answered(
        request,
        this::mayAdd,
        (auth, ceremony, body, session) ->
            blocking(
                    () ->
                        passkeys.register(
                            ceremony,
                            body.path("label").asString(""),
                            body.path("credential").toString(),
                            AccessWebFilter.address(request.exchange())))
                .flatMap(
                    registered -> {
                      registered
                          .recoveryCodes()
                          .ifPresent(
                              codes ->
                                  session.getAttributes().put(SecondFactorRoutes.SHOW_ONCE, codes));
                      Mono<Void> upgrade =
                          SignInStage.of(auth).isPresent()
                              ? completion.full(request, auth)
                              : Mono.empty();
                      return upgrade.then(
                          json(
                              JSON.createObjectNode()
                                  .put("location", SecondFactorRoutes.ENROL + "?passkey-added")
                                  .toString()));
                    })
                .onErrorResume(
                    IllegalArgumentException.class,
                    e -> problem(HttpStatus.BAD_REQUEST, e.getMessage())));
  }

  private Mono<ServerResponse> login(ServerRequest request) {
    return answered(
        request,
        this::owesFactor,
        (auth, ceremony, body, session) ->
            blocking(
                    () ->
                        passkeys.verify(
                            ceremony, body.toString(), AccessWebFilter.address(request.exchange())))
                .flatMap(
                    ok ->
                        ok
                            ? completion
                                .full(request, auth)
                                .then(completion.target(request))
                                .flatMap(
                                    to ->
                                        json(
                                            JSON.createObjectNode()
                                                .put("location", to.toString())
                                                .toString()))
                            : problem(
                                HttpStatus.UNAUTHORIZED,
                                "The passkey was not accepted, or too many attempts: try again or"
                                    + " use a code.")));
  }

  private Mono<ServerResponse> remove(ServerRequest request) {
    return LoginCompletion.current()
        .filter(auth -> SignInStage.of(auth).isEmpty())
        .flatMap(
            auth ->
                request
                    .formData()
                    .flatMap(
                        form ->
                            blocking(
                                () ->
                                    passkeys.remove(
                                        auth.getName(),
                                        Optional.ofNullable(form.getFirst("id")).orElse(""),
                                        AccessWebFilter.address(request.exchange())))))
        .flatMap(
            removed ->
                ServerResponse.seeOther(
                        URI.create(
                            SecondFactorRoutes.ENROL
                                + (removed ? "?passkey-removed" : "?passkey-unknown")))
                    .build())
        .switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/")).build()));
  }

  /** A full login adds passkeys; so does a half one that must enrol a second factor. */
  private boolean mayAdd(Authentication auth) {
    return SignInStage.of(auth).map(s -> s == SignInStage.ENROL).orElse(true);
  }

  private boolean owesFactor(Authentication auth) {
    return SignInStage.of(auth).orElse(null) == SignInStage.SECOND_FACTOR;
  }

  /** The session's ceremony, removed: an answer is checked once. */
  private static Optional<Passkeys.Ceremony> take(WebSession session, Authentication auth) {
    Object kept = session.getAttributes().remove(CEREMONY);
    return kept instanceof Passkeys.Ceremony ceremony && ceremony.userId().equals(auth.getName())
        ? Optional.of(ceremony)
        : Optional.empty();
  }

  private static Mono<JsonNode> body(ServerRequest request) {
    return request
        .bodyToMono(String.class)
        .filter(text -> text.length() <= MAX_BODY)
        .map(
            text -> {
              try {
                return JSON.readTree(text);
              } catch (JacksonException e) {
                return JSON.createObjectNode();
              }
            })
        .defaultIfEmpty(JSON.createObjectNode());
  }

  /** The page's origin as the browser names it in its answer. */
  private static String origin(ServerRequest request) {
    URI uri = request.exchange().getRequest().getURI();
    boolean defaultPort =
        uri.getPort() < 0
            || (uri.getScheme().equals("https") && uri.getPort() == 443)
            || (uri.getScheme().equals("http") && uri.getPort() == 80);
    return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
  }

  private static Mono<ServerResponse> json(String body) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .bodyValue(body);
  }

  private static Mono<ServerResponse> problem(HttpStatus status, String message) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(JSON.createObjectNode().put("problem", message).toString());
  }

  private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
