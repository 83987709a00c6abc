package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.access.FormToken;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The login form. It posts to {@value #PATH}, where the controller's security checks the password;
 * a failure comes back as {@code ?error} with one message for every cause.
 */
public final class LoginPage {
  public static final String PATH = "/login";

  private LoginPage() {}

  public static RouterFunction<ServerResponse> routes(String failureMessage) {
    return RouterFunctions.route()
        .GET(
            PATH,
            request -> {
              Map<String, Object> model = new HashMap<>();
              model.put("failed", request.queryParam("error").isPresent() ? failureMessage : null);
              model.put("loggedOut", request.queryParam("logout").isPresent());
              model.put("expired", request.queryParam("expired").isPresent());
              FormToken.of(request.exchange()).ifPresent(t -> model.put("formToken", t));
              return ServerResponse.ok()
                  .contentType(MediaType.TEXT_HTML)
                  .header("Cache-Control", "no-store")
                  .render("login", model);
            })
        .build();
  }
}
