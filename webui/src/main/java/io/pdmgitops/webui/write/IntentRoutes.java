package io.pdmgitops.webui.write;

import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.pages.PageRoutes;
import java.io.Serializable;
import java.net.URI;
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
 * {@code POST /guests/{remote}/{vmid}/intent} with {@code intent=start|shutdown|reboot}: the guest
 * page's buttons. The change is a commit (see {@link IntentPort}); the browser goes back to the
 * guest page, which says once what became of it. A change the caller may not make is a 403 that
 * names the object, the role and the path.
 */
public final class IntentRoutes {
  public static final String PATH = "/guests/{remote}/{vmid}/intent";
  public static final String MOVE = "/guests/{remote}/{vmid}/move";

  /** The session attribute with the message the guest page shows once. */
  public static final String FLASH = "pdm.flash";

  /**
   * What the next page says once: {@code ok} or {@code bad}, the text, and a link to follow (a
   * merge request to open), or null.
   */
  public record Flash(String tone, String text, String link) implements Serializable {
    public Flash(String tone, String text) {
      this(tone, text, null);
    }

    /** The flash an outcome leaves (a refusal is answered 403 instead). */
    public static Flash of(IntentOutcome outcome) {
      if (outcome instanceof IntentOutcome.Committed committed) {
        return new Flash("ok", committed.message());
      }
      if (outcome instanceof IntentOutcome.Proposed proposed) {
        return new Flash("ok", proposed.message(), proposed.link().orElse(null));
      }
      if (outcome instanceof IntentOutcome.Unchanged unchanged) {
        return new Flash("ok", unchanged.message());
      }
      if (outcome instanceof IntentOutcome.Refused refused) {
        return new Flash("bad", refused.reason());
      }
      return new Flash("bad", ((IntentOutcome.Problem) outcome).message());
    }
  }

  private IntentRoutes() {}

  public static RouterFunction<ServerResponse> routes(IntentPort intents) {
    return RouterFunctions.route()
        .POST(PATH, request -> intent(request, intents))
        .POST(MOVE, request -> move(request, intents))
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<ServerResponse> intent(ServerRequest request, IntentPort intents) {
    String remote = request.pathVariable("remote");
    Optional<Integer> vmid = vmid(request.pathVariable("vmid"));
    Optional<Viewer> viewer = Viewer.of(request);
    if (vmid.isEmpty() || viewer.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    URI guestPage = URI.create("/guests/" + remote + "/" + vmid.get());
    return request
        .formData()
        .flatMap(
            form -> {
              Optional<GuestIntent> intent =
                  GuestIntent.of(Optional.ofNullable(form.getFirst("intent")).orElse(""));
              if (intent.isEmpty()) {
                return text(
                    HttpStatus.BAD_REQUEST, "Unknown intent: use start, shutdown, stop or reboot.");
              }
              return Mono.fromCallable(
                      () ->
                          intents.request(viewer.get().caller(), remote, vmid.get(), intent.get()))
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(outcome -> answer(request, guestPage, outcome, remote, vmid.get()));
            });
  }

  private static Mono<ServerResponse> move(ServerRequest request, IntentPort intents) {
    String remote = request.pathVariable("remote");
    Optional<Integer> vmid = vmid(request.pathVariable("vmid"));
    Optional<Viewer> viewer = Viewer.of(request);
    if (vmid.isEmpty() || viewer.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    URI guestPage = URI.create("/guests/" + remote + "/" + vmid.get());
    return request
        .formData()
        .flatMap(
            form -> {
              GuestMove move;
              try {
                move = GuestMove.from(form, remote);
              } catch (IllegalArgumentException e) {
                return text(HttpStatus.BAD_REQUEST, e.getMessage());
              }
              return Mono.fromCallable(
                      () -> intents.move(viewer.get().caller(), remote, vmid.get(), move))
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(outcome -> answer(request, guestPage, outcome, remote, vmid.get()));
            });
  }

  private static Mono<ServerResponse> answer(
      ServerRequest request, URI guestPage, IntentOutcome outcome, String remote, int vmid) {
    if (outcome instanceof IntentOutcome.Refused refused) {
      return text(HttpStatus.FORBIDDEN, "Forbidden: " + refused.reason() + ".");
    }
    Flash flash = Flash.of(outcome);
    return request
        .session()
        .doOnNext(
            session -> {
              session.getAttributes().put(FLASH, flash);
              if (outcome instanceof IntentOutcome.Committed committed) {
                PendingIntents.add(session, remote, vmid, committed.sha(), committed.title());
              }
            })
        .then(ServerResponse.seeOther(guestPage).build());
  }

  private static Mono<ServerResponse> text(HttpStatus status, String text) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).bodyValue(text);
  }

  private static Optional<Integer> vmid(String raw) {
    return raw.matches("[1-9][0-9]{2,8}") ? Optional.of(Integer.parseInt(raw)) : Optional.empty();
  }
}
