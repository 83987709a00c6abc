package io.pdmgitops.webui.shell;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The Origin check of the shell's WebSocket: browsers send cookies with a WebSocket opened from any
 * site, and no CORS rule guards it, so the socket answers only pages served from this controller's
 * own scheme, host and port.
 */
public final class SameOrigin {
  private SameOrigin() {}

  /** Why the request may not open a socket, or empty when it comes from this controller's pages. */
  public static Optional<String> refusal(ServerHttpRequest request) {
    String origin = request.getHeaders().getOrigin();
    if (origin == null) {
      return Optional.of("a shell opens only from this controller's pages: no Origin was sent");
    }
    URI from;
    try {
      from = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return Optional.of("a shell opens only from this controller's pages: bad Origin");
    }
    URI self = request.getURI();
    boolean same =
        from.getScheme() != null
            && from.getHost() != null
            && from.getScheme().equalsIgnoreCase(self.getScheme())
            && from.getHost().equalsIgnoreCase(self.getHost())
            && port(from) == port(self);
    return same
        ? Optional.empty()
        : Optional.of(
            "a shell opens only from this controller's pages, not from " + from.getHost());
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
