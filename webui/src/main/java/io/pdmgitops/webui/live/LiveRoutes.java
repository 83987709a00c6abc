package io.pdmgitops.webui.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;

/**
 * GET /events: the live stream pages subscribe to (htmx's SSE extension). A comment every 15
 * seconds keeps proxies from closing idle streams; the number of open streams is bounded.
 */
public final class LiveRoutes {
  public static final int MAX_STREAMS = 256;
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private LiveRoutes() {}

  public static RouterFunction<ServerResponse> routes(LivePort live) {
    return routes(live, MAX_STREAMS);
  }

  /** The stream's path. */
  public static final String EVENTS = "/events";

  public static RouterFunction<ServerResponse> routes(LivePort live, int maxStreams) {
    AtomicInteger open = new AtomicInteger();
    return RouterFunctions.route()
        .GET(
            EVENTS,
            request -> {
              if (open.incrementAndGet() > maxStreams) {
                open.decrementAndGet();
                return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "30")
                    .bodyValue("too many live streams open; try again later");
              }
              Flux<ServerSentEvent<String>> events =
                  live.events().map(e -> ServerSentEvent.builder(e.data()).event(e.name()).build());
              // The heartbeat stops when the controller's stream ends (at shutdown), so open pages
              // do not hold up a graceful stop.
              Flux<ServerSentEvent<String>> heartbeat =
                  Flux.interval(HEARTBEAT)
                      .map(i -> comment("keep-alive"))
                      .takeUntilOther(live.events().ignoreElements());
              return ServerResponse.ok()
                  .contentType(MediaType.TEXT_EVENT_STREAM)
                  .body(
                      // A first comment commits the response at once, so the client sees the
                      // stream open before the first change.
                      Flux.concat(Flux.just(comment("connected")), Flux.merge(events, heartbeat))
                          .doFinally(s -> open.decrementAndGet()),
                      ServerSentEvent.class);
            })
        .build();
  }

  private static ServerSentEvent<String> comment(String text) {
    return ServerSentEvent.<String>builder().comment(text).build();
  }
}
