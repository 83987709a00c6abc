package io.pdmgitops.simulator.pve;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A node's login shell behind termproxy, speaking pve-xtermjs's protocol: the first message is
 * {@code user:ticket\n} and is answered {@code OK} (anything else closes the socket); then {@code
 * 0:<bytes>:<data>} is input, {@code 1:<cols>:<rows>:} a resize, {@code 2} a keep-alive; what goes
 * back is the terminal's raw output. The shell knows {@code hostname}, {@code uptime}, {@code
 * pveversion}, {@code proxmox-backup-manager version}, {@code echo}, {@code stty size} (the size
 * the last resize set), {@code cat /etc/os-release}, {@code seq N} (a lot of output, produced only
 * as fast as it is read) and {@code exit}; anything else is bash's "command not found". Ctrl-C
 * stops a running {@code seq}.
 */
final class FakeShell {
  /** termproxy waits this long for the {@code user:ticket} line. */
  static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

  /** Output chunks of a long command: small enough that the socket's demand paces them. */
  static final int CHUNK_LINES = 512;

  /** What the shell knows of where it runs. */
  record Host(String node, String pveVersion, String kernel, boolean backupServer) {}

  private final Host host;
  private final String user;
  private final String ticket;
  private final Runnable onEnd;
  private final Sinks.Many<Publisher<String>> output =
      Sinks.many().unicast().onBackpressureBuffer();
  private final StringBuilder line = new StringBuilder();
  private volatile boolean loggedIn;
  private volatile boolean interrupted;
  private volatile int cols = 80;
  private volatile int rows = 24;

  /**
   * @param onEnd runs once when the session ends, however it ends (exit, close, drop)
   */
  FakeShell(Host host, String user, String ticket, Runnable onEnd) {
    this.host = host;
    this.user = user;
    this.ticket = ticket;
    this.onEnd = onEnd;
  }

  /** Ends the session at once, as a remote that goes away does. */
  void drop() {
    output.tryEmitError(new IllegalStateException("connection to the node lost"));
  }

  Publisher<Void> run(WebsocketInbound in, WebsocketOutbound out, Consumer<FakeShell> opened) {
    opened.accept(this);
    Mono<Void> reading =
        in.aggregateFrames(128 * 1024)
            .receiveFrames()
            .map(f -> text(f.content()))
            .timeout(Mono.delay(LOGIN_TIMEOUT), any -> Mono.never())
            .doOnNext(this::message)
            .then(Mono.<Void>fromRunnable(output::tryEmitComplete))
            .onErrorResume(e -> Mono.fromRunnable(output::tryEmitComplete));
    // The output ends with exit or a wrong login line: the shell closes the socket, which ends
    // the reading too; a client that closes ends the output.
    Mono<Void> sending =
        out.sendString(Flux.concat(output.asFlux()), StandardCharsets.UTF_8)
            .then()
            .then(Mono.defer(() -> Mono.from(out.sendClose())));
    return Mono.when(reading, sending).doFinally(s -> onEnd.run());
  }

  private static String text(ByteBuf content) {
    return content.toString(StandardCharsets.UTF_8);
  }

  private void say(String text) {
    output.tryEmitNext(Mono.just(text));
  }

  private void message(String m) {
    if (!loggedIn) {
      if (m.equals(user + ":" + ticket + "\n")) {
        loggedIn = true;
        say("OK");
        say("Linux " + host.node() + " " + host.kernel() + " x86_64\r\n\r\n" + prompt());
      } else {
        output.tryEmitComplete(); // termproxy drops a wrong login line
      }
      return;
    }
    if (m.equals("2")) {
      return; // keep-alive
    }
    if (m.startsWith("1:")) {
      String[] f = m.split(":");
      if (f.length >= 3) {
        cols = Integer.parseInt(f[1]);
        rows = Integer.parseInt(f[2]);
      }
      return;
    }
    if (m.startsWith("0:")) {
      int colon = m.indexOf(':', 2);
      if (colon > 0) {
        input(m.substring(colon + 1));
      }
    }
  }

  private void input(String data) {
    for (char c : data.toCharArray()) {
      switch (c) {
        case '\r', '\n' -> {
          say("\r\n");
          String command = line.toString().strip();
          line.setLength(0);
          run(command);
        }
        case '\u0003' -> {
          interrupted = true;
          line.setLength(0);
          say("^C\r\n" + prompt());
        }
        case '\u007f' -> {
          if (line.length() > 0) {
            line.setLength(line.length() - 1);
            say("\b \b");
          }
        }
        default -> {
          line.append(c);
          say(String.valueOf(c));
        }
      }
    }
  }

  private String prompt() {
    return "root@" + host.node() + ":~# ";
  }

  private void run(String command) {
    String[] words = command.split("\\s+", 2);
    String out =
        switch (words[0]) {
          case "" -> "";
          case "hostname" -> host.node() + "\r\n";
          case "uptime" ->
              " 10:00:00 up 14 days,  2:03,  1 user,  load average: 0.15, 0.25, 0.30\r\n";
          case "pveversion" ->
              host.backupServer()
                  ? "bash: pveversion: command not found\r\n"
                  : "pve-manager/"
                      + host.pveVersion()
                      + " (running kernel: "
                      + host.kernel()
                      + ")\r\n";
          case "proxmox-backup-manager" ->
              host.backupServer()
                  ? "proxmox-backup-server "
                      + host.pveVersion()
                      + " running version: "
                      + host.pveVersion()
                      + "\r\n"
                  : "bash: proxmox-backup-manager: command not found\r\n";
          case "echo" -> (words.length > 1 ? words[1] : "") + "\r\n";
          case "stty" ->
              words.length > 1 && words[1].equals("size")
                  ? rows + " " + cols + "\r\n"
                  : "stty: invalid argument\r\n";
          case "cat" ->
              words.length > 1 && words[1].equals("/etc/os-release")
                  ? osRelease()
                  : "cat: "
                      + (words.length > 1 ? words[1] : "")
                      + ": No such file or directory\r\n";
          case "seq" -> null;
          case "exit", "logout" -> null;
          default -> "-bash: " + words[0] + ": command not found\r\n";
        };
    if (words[0].equals("exit") || words[0].equals("logout")) {
      say("logout\r\n");
      output.tryEmitComplete();
      return;
    }
    if (words[0].equals("seq")) {
      long n = words.length > 1 ? parse(words[1]) : 0;
      interrupted = false;
      output.tryEmitNext(numbers(n).concatWith(Mono.fromSupplier(this::prompt)));
      return;
    }
    say(out + prompt());
  }

  private static long parse(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** 1 to n, a chunk at a time, generated only when the socket asks for more. */
  private Flux<String> numbers(long n) {
    return Flux.generate(
        () -> 1L,
        (next, sink) -> {
          if (next > n || interrupted) {
            sink.complete();
            return next;
          }
          StringBuilder chunk = new StringBuilder();
          long last = Math.min(n, next + CHUNK_LINES - 1);
          for (long i = next; i <= last; i++) {
            chunk.append(i).append("\r\n");
          }
          sink.next(chunk.toString());
          return last + 1;
        });
  }

  /** PVE 9 and PBS 4 run on Debian 13, the releases before on Debian 12. */
  private String osRelease() {
    int major = Integer.parseInt(host.pveVersion().replaceAll("^(\\d+).*", "$1"));
    boolean trixie = host.backupServer() ? major >= 4 : major >= 9;
    String[] debian = trixie ? new String[] {"13", "trixie"} : new String[] {"12", "bookworm"};
    return "PRETTY_NAME=\"Debian GNU/Linux "
        + debian[0]
        + " ("
        + debian[1]
        + ")\"\r\nNAME=\"Debian GNU/Linux\"\r\nVERSION_ID=\""
        + debian[0]
        + "\"\r\nID=debian\r\n";
  }
}
