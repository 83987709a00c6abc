package io.pdmgitops.controller.security.tfa;

import io.pdmgitops.controller.security.AccessWebFilter;
import io.pdmgitops.webui.access.FormToken;
import io.pdmgitops.webui.pages.PageRoutes;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The second factor's pages: {@code /login/tfa} asks the code after a right password, {@code
 * /access/tfa} enrols a TOTP app (QR code, then a code to confirm; recovery codes shown once) or
 * removes it. Completing either stage of a login renews the session id and makes the login full.
 */
public final class SecondFactorRoutes {
  public static final String LOGIN = "/login/tfa";
  public static final String ENROL = "/access/tfa";
  public static final String REMOVE = ENROL + "/remove";

  /** An Admin on /access resets another user's second factor (the route table says who). */
  public static final String RESET = ENROL + "/reset";

  static final String CANDIDATE = "pdm.tfa.candidate";

  /** Recovery codes made by a passkey registration, shown once by the next page. */
  static final String SHOW_ONCE = "pdm.tfa.recoveryCodes";

  private final SecondFactors factors;
  private final Passkeys passkeys;
  private final LoginCompletion completion;

  public SecondFactorRoutes(
      SecondFactors factors,
      Passkeys passkeys,
      ServerSecurityContextRepository contexts,
      ServerRequestCache requests) {
    this.factors = factors;
    this.passkeys = passkeys;
    this.completion = new LoginCompletion(contexts, requests);
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(LOGIN, this::loginPage)
        .POST(LOGIN, this::login)
        .GET(ENROL, r -> enrolPage(r, HttpStatus.OK, new HashMap<>()))
        .POST(ENROL, this::confirm)
        .POST(REMOVE, this::remove)
        .POST(RESET, this::reset)
        .add(new PasskeyRoutes(passkeys, completion).routes())
        .filter(PageRoutes::withCaller)
        .build();
  }

  private Mono<ServerResponse> loginPage(ServerRequest request) {
    return auth()
        .flatMap(
            auth -> {
              if (SignInStage.of(auth).orElse(null) != SignInStage.SECOND_FACTOR) {
                return ServerResponse.seeOther(URI.create("/")).build();
              }
              Map<String, Object> model = new HashMap<>();
              model.put("user", auth.getName());
              model.put("failed", request.queryParam("error").isPresent());
              model.put("hasTotp", factors.hasTotp(auth.getName()));
              model.put("hasPasskey", !passkeys.of(auth.getName()).isEmpty());
              FormToken.of(request.exchange()).ifPresent(t -> model.put("formToken", t));
              return html(HttpStatus.OK, "tfa-login", model);
            });
  }

  private Mono<ServerResponse> login(ServerRequest request) {
    return auth()
        .filter(a -> SignInStage.of(a).orElse(null) == SignInStage.SECOND_FACTOR)
        .flatMap(
            auth ->
                withCode(request, auth, factors::verify)
                    .flatMap(
                        ok ->
                            ok
                                ? complete(request, auth)
                                : ServerResponse.seeOther(URI.create(LOGIN + "?error")).build()))
        .switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/")).build()));
  }

  private Mono<ServerResponse> enrolPage(
      ServerRequest request, HttpStatus status, Map<String, Object> model) {
    return auth()
        .flatMap(
            auth ->
                request
                    .session()
                    .flatMap(
                        session ->
                            blocking(
                                () -> {
                                  String user = auth.getName();
                                  model.put("user", user);
                                  model.put("required", factors.required(user));
                                  model.put("enrolled", factors.enrolled(user));
                                  model.put("passkeys", passkeys.of(user));
                                  model.put("maxPasskeys", Passkeys.MAX_PER_USER);
                                  Object shown = session.getAttributes().remove(SHOW_ONCE);
                                  if (shown != null && !model.containsKey("recoveryCodes")) {
                                    model.put("recoveryCodes", shown);
                                  }
                                  model.put("removed", request.queryParam("removed").isPresent());
                                  factors
                                      .enrolment(user)
                                      .ifPresentOrElse(
                                          e -> {
                                            model.put("enrolledAt", e.enrolledAt().toString());
                                            model.put("recoveryLeft", factors.recoveryLeft(user));
                                          },
                                          () -> {
                                            SecondFactors.Candidate candidate =
                                                candidate(session, user);
                                            model.put("qrSvg", candidate.qrSvg());
                                            model.put("typed", candidate.typed());
                                            model.put("uri", candidate.uri());
                                          });
                                  FormToken.of(request.exchange())
                                      .ifPresent(t -> model.put("formToken", t));
                                  model.put("fmt", new io.pdmgitops.webui.pages.Format());
                                  model.put("caller", user);
                                  return model;
                                })))
        .flatMap(m -> html(status, "tfa", m));
  }

  private SecondFactors.Candidate candidate(WebSession session, String user) {
    SecondFactors.Candidate kept = session.getAttribute(CANDIDATE);
    if (kept == null) {
      kept = factors.candidate(user);
      session.getAttributes().put(CANDIDATE, kept);
    }
    return kept;
  }

  private Mono<ServerResponse> confirm(ServerRequest request) {
    return auth()
        .flatMap(
            auth ->
                Mono.zip(request.formData(), request.session())
                    .flatMap(
                        t -> {
                          SecondFactors.Candidate candidate = t.getT2().getAttribute(CANDIDATE);
                          if (candidate == null) {
                            return ServerResponse.seeOther(URI.create(ENROL)).build();
                          }
                          String code = Optional.ofNullable(t.getT1().getFirst("code")).orElse("");
                          return blocking(
                                  () ->
                                      factors.confirm(
                                          auth.getName(),
                                          candidate.sealed(),
                                          code,
                                          AccessWebFilter.address(request.exchange())))
                              .flatMap(
                                  codes -> {
                                    Map<String, Object> model = new HashMap<>();
                                    if (codes.isEmpty()) {
                                      model.put(
                                          "problem",
                                          "That code is not the app's current one: try the next.");
                                      return enrolPage(request, HttpStatus.BAD_REQUEST, model);
                                    }
                                    t.getT2().getAttributes().remove(CANDIDATE);
                                    model.put("recoveryCodes", codes.get());
                                    Mono<Void> upgrade =
                                        SignInStage.of(auth).isPresent()
                                            ? full(request, auth)
                                            : Mono.empty();
                                    return upgrade.then(enrolPage(request, HttpStatus.OK, model));
                                  });
                        }));
  }

  private Mono<ServerResponse> remove(ServerRequest request) {
    return auth()
        .flatMap(
            auth ->
                withCode(request, auth, factors::remove)
                    .flatMap(
                        removed -> {
                          if (removed) {
                            return ServerResponse.seeOther(URI.create(ENROL + "?removed")).build();
                          }
                          Map<String, Object> model = new HashMap<>();
                          model.put("problem", "Wrong code: the second factor stays.");
                          return enrolPage(request, HttpStatus.BAD_REQUEST, model);
                        }));
  }

  private Mono<ServerResponse> reset(ServerRequest request) {
    return auth()
        .flatMap(
            auth ->
                request
                    .formData()
                    .flatMap(
                        form -> {
                          String user =
                              Optional.ofNullable(form.getFirst("user")).orElse("").strip();
                          return blocking(
                                  () ->
                                      factors.reset(
                                          auth.getName(),
                                          user,
                                          AccessWebFilter.address(request.exchange())))
                              .flatMap(
                                  done -> {
                                    Map<String, Object> model = new HashMap<>();
                                    model.put(
                                        done ? "resetDone" : "problem",
                                        done
                                            ? "The second factor of " + user + " is removed."
                                            : user + " has no second factor.");
                                    return enrolPage(
                                        request,
                                        done ? HttpStatus.OK : HttpStatus.NOT_FOUND,
                                        model);
                                  });
                        }));
  }

  /** What a check of the form's code (user, code, address) says, off the event loop. */
  private static Mono<Boolean> withCode(
      ServerRequest request, Authentication auth, CodeCheck check) {
    return request
        .formData()
        .flatMap(
            form ->
                blocking(
                    () ->
                        check.test(
                            auth.getName(),
                            Optional.ofNullable(form.getFirst("code")).orElse(""),
                            AccessWebFilter.address(request.exchange()))));
  }

  @FunctionalInterface
  private interface CodeCheck {
    boolean test(String user, String code, String address);
  }

  /** Makes the login full and goes where the user wanted to go. */
  private Mono<ServerResponse> complete(ServerRequest request, Authentication auth) {
    return completion
        .full(request, auth)
        .then(completion.target(request))
        .flatMap(to -> ServerResponse.seeOther(to).build());
  }

  private Mono<Void> full(ServerRequest request, Authentication auth) {
    return completion.full(request, auth);
  }

  private static Mono<Authentication> auth() {
    return LoginCompletion.current();
  }

  private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }

  private static Mono<ServerResponse> html(
      HttpStatus status, String view, Map<String, Object> model) {
    return ServerResponse.status(status)
        .contentType(MediaType.TEXT_HTML)
        .header("Cache-Control", "no-store")
        .render(view, model);
  }
}
