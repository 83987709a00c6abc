package io.pdmgitops.webui.access;

import java.util.Objects;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * The anti-forgery token every state-changing request must carry: as a form field in forms, as a
 * header in htmx requests (static/js/form-token.js adds it from the page's meta tag).
 */
public record FormToken(String parameterName, String headerName, String value) {
  /** The exchange attribute the controller's security sets. */
  public static final String ATTRIBUTE = FormToken.class.getName();

  public FormToken {
    Objects.requireNonNull(parameterName, "parameterName");
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(value, "value");
  }

  public static Optional<FormToken> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** Never printed: it guards the session. */
  @Override
  public String toString() {
    return "FormToken[" + parameterName + ", " + headerName + "]";
  }
}
