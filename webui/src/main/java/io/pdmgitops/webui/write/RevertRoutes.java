package io.pdmgitops.webui.write;

import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.pages.Format;
import io.pdmgitops.webui.pages.PageRoutes;
import java.net.URI;
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
import reactor.core.scheduler.Schedulers;

/**
 * Revert from History: {@code GET /history/{sha}/revert} shows what the revert would change, and
 * its form posts back to make it a new commit, authored by the caller and checked like any change
 * (a 403 names what the caller may not change). The browser returns to History, which says once
 * what became of it.
 */
public final class RevertRoutes {
  public static final String PATH = "/history/{sha}/revert";

  private RevertRoutes() {}

  public static RouterFunction<ServerResponse> routes(RevertPort reverts) {
    return RouterFunctions.route()
        .GET(PATH, request -> preview(request, reverts))
        .POST(PATH, request -> revert(request, reverts))
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<ServerResponse> preview(ServerRequest request, RevertPort reverts) {
    String sha = request.pathVariable("sha");
    if (!sha.matches("[0-9a-f]{40}")) {
      return ServerResponse.notFound().build();
    }
    return Mono.fromCallable(() -> reverts.preview(sha))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            preview -> {
              Map<String, Object> model = new HashMap<>();
              model.put("fmt", new Format());
              if (preview.isEmpty()) {
                model.put(
                    "message",
                    "Commit " + sha.substring(0, 12) + " is unknown or cannot be reverted alone.");
                return ServerResponse.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .render("notfound", model);
              }
              model.put("p", preview.get());
              return ServerResponse.ok().contentType(MediaType.TEXT_HTML).render("revert", model);
            });
  }

  private static Mono<ServerResponse> revert(ServerRequest request, RevertPort reverts) {
    String sha = request.pathVariable("sha");
    Optional<Viewer> viewer = Viewer.of(request);
    if (!sha.matches("[0-9a-f]{40}") || viewer.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    return Mono.fromCallable(() -> reverts.revert(viewer.get().caller(), sha))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            outcome -> {
              if (outcome instanceof IntentOutcome.Refused refused) {
                return ServerResponse.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("Forbidden: " + refused.reason() + ".");
              }
              IntentRoutes.Flash flash = IntentRoutes.Flash.of(outcome);
              return request
                  .session()
                  .doOnNext(s -> s.getAttributes().put(IntentRoutes.FLASH, flash))
                  .then(ServerResponse.seeOther(URI.create("/history")).build());
            });
  }
}
