package io.pdmgitops.simulator.config;

import java.util.Locale;

/**
 * How pveproxy's hop to another node fails once the connection stands (AnyEvent::HTTP's 596:
 * "errors during TLS negotiation, request sending and header processing"). pveproxy passes the
 * pseudo status and its reason through with an empty body. 595, a refused connection, is the
 * offline node and needs no fault.
 */
public enum ProxyFailure {
  /** Proxied calls are answered normally. */
  NONE(0, ""),
  /** {@code 596 Connection timed out}: the node accepted the connection and then fell silent. */
  TIMEOUT(596, "Connection timed out"),
  /** {@code 596 Broken pipe}: the node went away while the request was being sent. */
  BROKEN_PIPE(596, "Broken pipe");

  private final int status;
  private final String reason;

  ProxyFailure(int status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  /** {@code none}, {@code timeout} or {@code broken-pipe}, as the fleet file writes them. */
  public static ProxyFailure parse(String text) {
    for (ProxyFailure f : values()) {
      if (f.wire().equals(text)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "proxyFailure: expected none, timeout or broken-pipe, got " + text);
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
