package io.pdmgitops.webui.pages;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.audit.AuditPort;
import io.pdmgitops.webui.audit.AuditQuery;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The audit log, for Admins on {@code /access}: {@value #PATH} as a page, {@value #API} as JSON,
 * both filtered by {@code kind} and {@code actor}.
 */
public final class AuditPage {
  public static final String PATH = "/audit";
  public static final String API = "/api/v1/audit";

  /** What reading the audit log asks: it names every user and where they came from. */
  public static final AccessPath GUARD = AccessPath.access();

  public static final Permission NEEDS = Permission.CONFIGURE;

  private AuditPage() {}

  public static RouterFunction<ServerResponse> routes(AuditPort audit) {
    return RouterFunctions.route()
        .GET(
            PATH,
            request ->
                answer(
                    request,
                    audit,
                    (q, entries) -> {
                      Map<String, Object> model = new HashMap<>();
                      model.put("fmt", new Format());
                      model.put("entries", entries);
                      model.put("kinds", Arrays.asList(AuditKind.values()));
                      model.put("kind", q.kind().map(AuditKind::label).orElse(""));
                      model.put("actor", q.actor().orElse(""));
                      return ServerResponse.ok()
                          .contentType(MediaType.TEXT_HTML)
                          .render("audit", model);
                    }))
        .GET(
            API,
            request ->
                answer(
                    request,
                    audit,
                    (q, entries) ->
                        ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(entries)))
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<ServerResponse> answer(
      ServerRequest request,
      AuditPort audit,
      java.util.function.BiFunction<AuditQuery, java.util.List<AuditEntry>, Mono<ServerResponse>>
          render) {
    return query(request)
        .map(q -> audit.recent(q).flatMap(entries -> render.apply(q, entries)))
        .orElseGet(() -> badKind(request));
  }

  /** The query, or empty when {@code kind} names no kind. */
  static Optional<AuditQuery> query(ServerRequest request) {
    Optional<String> kindText = request.queryParam("kind").filter(k -> !k.isBlank());
    Optional<AuditKind> kind = kindText.flatMap(AuditKind::ofLabel);
    if (kindText.isPresent() && kind.isEmpty()) {
      return Optional.empty();
    }
    int limit =
        request
            .queryParam("limit")
            .filter(l -> l.matches("[0-9]{1,6}"))
            .map(Integer::parseInt)
            .orElse(AuditQuery.DEFAULT_LIMIT);
    return Optional.of(new AuditQuery(kind, request.queryParam("actor"), limit));
  }

  private static Mono<ServerResponse> badKind(ServerRequest request) {
    return ServerResponse.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(
            "unknown kind '"
                + request.queryParam("kind").orElse("").replaceAll("[^A-Za-z0-9_-]", "?")
                + "': one of "
                + String.join(
                    ", ", Arrays.stream(AuditKind.values()).map(AuditKind::label).toList()));
  }
}
