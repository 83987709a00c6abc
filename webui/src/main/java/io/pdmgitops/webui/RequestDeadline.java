package io.pdmgitops.webui;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page and API call answers within a deadline: past it the caller gets a 503 that says so,
 * instead of a browser spinning until its own timeout, and the log names the request and, at most
 * once a minute, where the work threads are, so a stall can be found. The live event stream and a
 * shell's socket are exempt: they are meant to stay open, and bound themselves.
 */
public final class RequestDeadline implements WebFilter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

  /**
   * Pages answer in milliseconds (docs/benchmarks.md); the slowest designed wait is a task
   * collection, bounded at 20 s, so the deadline leaves it room.
   */
  public static final Duration DEFAULT = Duration.ofSeconds(25);

  /**
   * Threads whose stacks explain a slow answer: request handling, the work it hands off, and the
   * controller's own threads that pages wait for (Git reads and fetches, the loop, the store).
   */
  private static final String[] WORK_THREADS = {
    "boundedElastic",
    "reactor-http",
    "parallel",
    "commit-files",
    "git-poller",
    "reconcile-loop",
    "status-recorder",
    "store-housekeeping"
  };

  /** In a stall every request is late: one dump a minute says enough and keeps the log usable. */
  static final Duration DUMP_EVERY = Duration.ofMinutes(1);

  private static final int FRAMES = 12;

  /**
   * Its own timer thread, not Reactor's shared parallel threads: the deadline must fire, and say
   * what the others do, precisely when those are busy or stuck.
   */
  private static final Scheduler TIMER = Schedulers.newSingle("request-deadline", true);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Duration deadline;
  private final List<PathPattern> exempt;
  private final AtomicLong lastDump = new AtomicLong(System.nanoTime() - DUMP_EVERY.toNanos());

  /**
   * @param exempt the route patterns meant to stay open (the event stream, a shell's socket), which
   *     bound themselves
   */
  public RequestDeadline(Duration deadline, String... exempt) {
    this.deadline = deadline;
    this.exempt =
        Arrays.stream(exempt).map(p -> PathPatternParser.defaultInstance.parse(p)).toList();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var path = exchange.getRequest().getPath().pathWithinApplication();
    if (exempt.stream().anyMatch(p -> p.matches(path))) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange).timeout(deadline, Mono.defer(() -> overdue(exchange)), TIMER);
  }

  private Mono<Void> overdue(ServerWebExchange exchange) {
    String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
    long now = System.nanoTime();
    long last = lastDump.get();
    if (now - last >= DUMP_EVERY.toNanos() && lastDump.compareAndSet(last, now)) {
      LOG.warn(
          "{} had no answer within {} s; work threads:\n{}",
          request,
          deadline.toSeconds(),
          workThreads());
    } else {
      LOG.warn("{} had no answer within {} s", request, deadline.toSeconds());
    }
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // Part of the answer is out: an error resets the connection, so the cut answer cannot
      // pass for a whole one.
      return Mono.error(new TimeoutException(request + ": cut at the deadline"));
    }
    response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
    response.getHeaders().set("Retry-After", "5");
    boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
    String detail =
        "the controller did not answer within " + deadline.toSeconds() + " s; try again";
    // Written with Jackson, not by hand: the path comes from the caller and must be escaped.
    String body =
        api
            ? JSON.writeValueAsString(
                Map.of(
                    "type",
                    "about:blank",
                    "title",
                    "Service Unavailable",
                    "status",
                    503,
                    "detail",
                    detail,
                    "instance",
                    exchange.getRequest().getPath().value()))
            : detail + "\n";
    response
        .getHeaders()
        .setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.TEXT_PLAIN);
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  static String workThreads() {
    Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
    return all.entrySet().stream()
        .filter(e -> Arrays.stream(WORK_THREADS).anyMatch(e.getKey().getName()::startsWith))
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Thread::getName)))
        .map(
            e ->
                "  "
                    + e.getKey().getName()
                    + " ("
                    + e.getKey().getState()
                    + ")"
                    + Arrays.stream(e.getValue())
                        .limit(FRAMES)
                        .map(f -> "\n      at " + f)
                        .collect(Collectors.joining()))
        .collect(Collectors.joining("\n"));
  }
}
