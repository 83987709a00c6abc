package io.pdmgitops.controller.shell;

import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.threads.DaemonThreads;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.shell.OpenShell;
import io.pdmgitops.webui.shell.ShellPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * The node shells open through the controller. The rules:
 *
 * <ol>
 *   <li>A user has at most {@link ShellLimits#perUser()} open, the controller {@link
 *       ShellLimits#total()}; one more is refused, audited, and never reaches the remote.
 *   <li>Every frame from the browser is checked ({@link ShellInput}); the first one a shell does
 *       not take ends the session.
 *   <li>Output flows only as fast as the browser takes it: the remote's socket is read on demand,
 *       so a flood of output holds no more than a few frames in memory.
 *   <li>A session without input for {@link ShellLimits#idle()}, or open for {@link
 *       ShellLimits#maxLength()}, is closed with a last line saying why; an admin may close one.
 *   <li>Every session is audited when it opens and when it ends, with who, which node, from where,
 *       the bytes each way and why it ended.
 * </ol>
 *
 * Time comes from the injected clock; {@link #reap()} runs every {@link #REAP_EVERY} on its own
 * thread and tests call it by hand.
 */
public final class ShellSessions implements ShellPort, AutoCloseable {
  static final Duration REAP_EVERY = Duration.ofSeconds(30);

  private static final class Session {
    final String id = UUID.randomUUID().toString();
    final String user;
    final String remote;
    final String node;
    final String address;
    final Instant started;
    final AtomicLong in = new AtomicLong();
    final AtomicLong out = new AtomicLong();
    final Sinks.Empty<Void> stop = Sinks.empty();
    volatile Instant lastInput;
    volatile String ended;

    Session(String user, String remote, String node, String address, Instant now) {
      this.user = user;
      this.remote = remote;
      this.node = node;
      this.address = address;
      this.started = now;
      this.lastInput = now;
    }

    void end(String why) {
      ended = why;
      stop.tryEmitEmpty();
    }

    /** Why it ended: as ended by the controller, else by whoever went first. */
    String why(SignalType signal) {
      if (ended != null) {
        return ended;
      }
      return signal == SignalType.CANCEL ? "closed by the user" : "the shell ended";
    }

    String target() {
      return "/remotes/" + remote + "/nodes/" + node;
    }
  }

  private final ShellConnector connector;
  private final AuditTrail audit;
  private final ShellLimits limits;
  private final Clock clock;
  private final Map<String, Session> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper = DaemonThreads.scheduler("pdm-shells");

  public ShellSessions(
      ShellConnector connector, AuditTrail audit, ShellLimits limits, Clock clock) {
    this.connector = connector;
    this.audit = audit;
    this.limits = limits;
    this.clock = clock;
    reaper.scheduleWithFixedDelay(
        this::reap, REAP_EVERY.toMillis(), REAP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Relays the browser's frames to the node's shell and the shell's output back; subscribing opens
   * it. Fails at once with {@link ShellPort.ShellRefusedException} when a limit refuses it.
   */
  @Override
  public Flux<byte[]> open(
      String user,
      String address,
      String remote,
      String node,
      RemoteToken via,
      Flux<String> frames) {
    return Flux.defer(
        () -> {
          Session s = admit(user, remote, node, address);
          Flux<String> input =
              frames
                  .concatMap(
                      f ->
                          ShellInput.of(f)
                              .map(Mono::just)
                              .orElseGet(
                                  () -> {
                                    s.end("the page sent a frame a shell does not take");
                                    return Mono.empty();
                                  }))
                  .doOnNext(
                      i -> {
                        s.in.addAndGet(i.bytes());
                        if (!i.keepAlive()) {
                          s.lastInput = clock.instant();
                        }
                      })
                  .map(ShellInput::frame)
                  .takeUntilOther(s.stop.asMono());
          return connector
              .open(remote, node, via, input)
              .doOnNext(b -> s.out.addAndGet(b.length))
              .takeUntilOther(s.stop.asMono())
              .concatWith(
                  Mono.fromSupplier(() -> ShellPort.lastLine(s.why(SignalType.ON_COMPLETE))))
              .doOnSubscribe(
                  sub ->
                      audit.record(
                          AuditKind.SHELL_OPENED, user, address, s.target(), via.describe()))
              .doOnError(e -> s.ended = "the remote: " + e.getMessage())
              .doFinally(signal -> finish(s, s.why(signal)));
        });
  }

  private synchronized Session admit(String user, String remote, String node, String address) {
    long mine = open.values().stream().filter(s -> s.user.equals(user)).count();
    String refusal =
        mine >= limits.perUser()
            ? user + " has " + mine + " shells open, the most one user may have"
            : open.size() >= limits.total()
                ? open.size() + " shells are open, the most the controller allows"
                : null;
    if (refusal != null) {
      audit.record(
          AuditKind.SHELL_REFUSED, user, address, "/remotes/" + remote + "/nodes/" + node, refusal);
      throw new ShellRefusedException(refusal);
    }
    Session s = new Session(user, remote, node, address, clock.instant());
    open.put(s.id, s);
    return s;
  }

  private void finish(Session s, String why) {
    if (open.remove(s.id) == null) {
      return;
    }
    audit.record(
        AuditKind.SHELL_CLOSED,
        s.user,
        s.address,
        s.target(),
        why
            + "; "
            + s.in.get()
            + " bytes in, "
            + s.out.get()
            + " bytes out, "
            + Duration.between(s.started, clock.instant()).toSeconds()
            + " s");
  }

  /** Closes the sessions idle or open too long; answers how many. */
  public int reap() {
    Instant now = clock.instant();
    int closed = 0;
    for (Session s : open.values()) {
      if (s.lastInput.plus(limits.idle()).isBefore(now)) {
        s.end("closed after " + limits.idle().toMinutes() + " min without input");
        closed++;
      } else if (s.started.plus(limits.maxLength()).isBefore(now)) {
        s.end(
            "closed after "
                + limits.maxLength().toHours()
                + " h, the longest a shell may stay open");
        closed++;
      }
    }
    return closed;
  }

  @Override
  public List<OpenShell> sessions() {
    return open.values().stream()
        .sorted(Comparator.comparing(s -> s.started))
        .map(
            s ->
                new OpenShell(
                    s.id, s.user, s.remote, s.node, s.address, s.started, s.in.get(), s.out.get()))
        .toList();
  }

  @Override
  public boolean close(String id, String by) {
    Session s = open.get(id);
    if (s == null) {
      return false;
    }
    s.end("closed by " + by);
    return true;
  }

  @Override
  public void close() {
    open.values().forEach(s -> s.end("the controller stops"));
    reaper.shutdownNow();
  }
}
