package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.access.FormToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The login form. It posts to {@value #PATH}, where the controller's security checks the password;
 * a failure comes back as {@code ?error} with one message for every cause. Each OpenID Connect
 * realm of the policy in force is a link that starts a login at its provider.
 */
public final class LoginPage {
  public static final String PATH = "/login";

  private LoginPage() {}

  /** What a failed login through an OpenID Connect provider is told. */
  public static final String SINGLE_SIGN_ON_FAILED =
      "The login through your identity provider did not complete, or your account has no access"
          + " here. Ask an administrator if this persists.";

  /**
   * An OpenID Connect realm offered on the login page.
   *
   * @param realm the realm's name, which is also the start of its login path
   * @param label what the button says (the realm's comment, else its name)
   */
  public record SingleSignOn(String realm, String label) {
    public String path() {
      return "/oauth2/authorization/" + realm;
    }
  }

  public static RouterFunction<ServerResponse> routes(
      String failureMessage, Supplier<List<SingleSignOn>> singleSignOn) {
    return RouterFunctions.route()
        .GET(
            PATH,
            request -> {
              Map<String, Object> model = new HashMap<>();
              model.put(
                  "failed",
                  request.queryParam("error").isPresent()
                      ? failureMessage
                      : request.queryParam("openid-failed").isPresent()
                          ? SINGLE_SIGN_ON_FAILED
                          : null);
              model.put("singleSignOn", singleSignOn.get());
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
