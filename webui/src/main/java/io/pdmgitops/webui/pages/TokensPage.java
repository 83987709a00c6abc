package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.tokens.NewToken;
import io.pdmgitops.webui.tokens.TokenRefused;
import io.pdmgitops.webui.tokens.TokensPort;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A user's API tokens ({@value #PATH}): those Git declares for them, and personal ones they make
 * (the secret shown in that one answer, never again) and revoke.
 */
public final class TokensPage {
  public static final String PATH = "/access/tokens";
  public static final String REVOKE = PATH + "/{name}/revoke";

  private TokensPage() {}

  public static RouterFunction<ServerResponse> routes(TokensPort tokens) {
    return RouterFunctions.route()
        .GET(PATH, request -> page(request, tokens, HttpStatus.OK, new HashMap<>()))
        .POST(
            PATH,
            request ->
                request
                    .formData()
                    .flatMap(
                        form -> {
                          Map<String, Object> entered = entered(form);
                          return parse(form)
                              .flatMap(ask -> tokens.create(user(request), address(request), ask))
                              .flatMap(
                                  created -> {
                                    Map<String, Object> model = new HashMap<>();
                                    model.put("created", created);
                                    return page(request, tokens, HttpStatus.OK, model);
                                  })
                              .onErrorResume(
                                  TokenRefused.class,
                                  refused -> {
                                    entered.put("problem", refused.getMessage());
                                    return page(request, tokens, HttpStatus.BAD_REQUEST, entered);
                                  });
                        }))
        .POST(
            REVOKE,
            request ->
                tokens
                    .revoke(user(request), address(request), request.pathVariable("name"))
                    .flatMap(
                        done ->
                            done
                                ? ServerResponse.seeOther(URI.create(PATH + "?revoked")).build()
                                : ServerResponse.status(HttpStatus.NOT_FOUND)
                                    .contentType(MediaType.TEXT_PLAIN)
                                    .bodyValue("You have no personal token of that name.")))
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static String address(ServerRequest request) {
    return request.remoteAddress().map(a -> a.getHostString()).orElse("unknown");
  }

  private static String user(ServerRequest request) {
    return Viewer.of(request).map(Viewer::name).orElseThrow();
  }

  private static Mono<ServerResponse> page(
      ServerRequest request, TokensPort tokens, HttpStatus status, Map<String, Object> model) {
    return tokens
        .tokensOf(user(request))
        .flatMap(
            list -> {
              model.put("fmt", new Format());
              model.put("tokens", list);
              model.put("user", user(request));
              model.put("revoked", request.queryParam("revoked").isPresent());
              return ServerResponse.status(status)
                  .contentType(MediaType.TEXT_HTML)
                  // The answer that shows a new secret must not be kept by any cache.
                  .header("Cache-Control", "no-store")
                  .render("tokens", model);
            });
  }

  private static Map<String, Object> entered(MultiValueMap<String, String> form) {
    Map<String, Object> entered = new HashMap<>();
    for (String field : new String[] {"name", "expire", "path", "comment"}) {
      entered.put("entered_" + field, Optional.ofNullable(form.getFirst(field)).orElse(""));
    }
    return entered;
  }

  static Mono<NewToken> parse(MultiValueMap<String, String> form) {
    String name = Optional.ofNullable(form.getFirst("name")).orElse("").strip();
    Optional<String> expireText =
        Optional.ofNullable(form.getFirst("expire")).map(String::strip).filter(s -> !s.isEmpty());
    Optional<LocalDate> expire;
    try {
      expire = expireText.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      return Mono.error(new TokenRefused("the expiry is not a date like 2027-06-30"));
    }
    Optional<String> path =
        Optional.ofNullable(form.getFirst("path")).map(String::strip).filter(s -> !s.isEmpty());
    String comment = Optional.ofNullable(form.getFirst("comment")).orElse("").strip();
    return Mono.just(new NewToken(name, expire, path, comment));
  }
}
