package io.pdmgitops.simulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One API route: a method and a path template such as {@code /nodes/{node}/qemu}. */
public record Route(
    String method, Pattern pattern, List<String> variables, Function<Call, ApiResponse> handler) {

  public static Route of(String method, String template, Function<Call, ApiResponse> handler) {
    List<String> variables = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(template);
    StringBuilder regex = new StringBuilder("^");
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      variables.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?$");
    return new Route(method, Pattern.compile(regex.toString()), variables, handler);
  }

  /** The path variables when this route matches. */
  public Optional<Map<String, String>> match(String method, String path) {
    if (!this.method.equals(method)) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(
          variables.get(i),
          java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return Optional.of(values);
  }

  /** pve-manager's rest_handler: a parameter repeating a path variable must agree with it. */
  private static void refuseConflicts(ApiRequest request, Map<String, String> variables) {
    request
        .params()
        .forEach(
            (name, value) -> {
              String inUri = variables.get(name);
              if (inUri != null && !inUri.equals(value)) {
                throw ApiException.badParameter(
                    name, "duplicate parameter (already defined in URI) with conflicting values!");
              }
            });
  }

  /**
   * Authenticates, then answers with the first matching route, or PVE's 501 for an unknown path.
   * Handlers signal expected failures with {@link ApiException}.
   */
  public static ApiResponse dispatch(List<Route> routes, ApiRequest request, TokenAuth auth) {
    return dispatch(routes, request, auth, false);
  }

  /**
   * As {@link #dispatch(List, ApiRequest, TokenAuth)}; with {@code refuseUriConflicts} a parameter
   * that repeats a path variable with another value is a 400, as in PVE (PBS lets the path win).
   */
  public static ApiResponse dispatch(
      List<Route> routes, ApiRequest request, TokenAuth auth, boolean refuseUriConflicts) {
    try {
      var token = auth.authenticate(request);
      for (Route route : routes) {
        Optional<Map<String, String>> variables = route.match(request.method(), request.path());
        if (variables.isPresent()) {
          if (refuseUriConflicts) {
            refuseConflicts(request, variables.get());
          }
          return route.handler().apply(new Call(request, variables.get(), token));
        }
      }
    } catch (ApiException e) {
      return e.response();
    } catch (RuntimeException e) {
      // A bug or an input we did not foresee: answer like PVE's plain die, never drop the call.
      return ApiResponse.error(500, "internal error (" + e.getClass().getSimpleName() + ")");
    }
    return ApiResponse.error(
        501, "Method '" + request.method() + " " + request.path() + "' not implemented");
  }
}
