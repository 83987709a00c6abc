package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A remote must be reachable as written and declared once: ports in range, no endpoint shared with
 * another remote (two remotes on one cluster would act on the same guests), a well-formed realm in
 * the token id.
 */
final class RemoteCheck implements SemanticCheck {
  /** PDM's realm id: a safe-id of 2 to 32 characters. */
  private static final Pattern REALM_ID = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9._-]{1,31}$");

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    Map<String, LoadedObject> used = new HashMap<>();
    for (var remote : objects.ofType(Kind.REMOTE, Remote.class)) {
      tokenRealm(remote.value(), remote.source()).ifPresent(problems::add);
      List<Endpoint> endpoints = remote.value().spec().endpoints();
      for (int i = 0; i < endpoints.size(); i++) {
        String pointer = "/spec/endpoints/" + i + "/url";
        Optional<URI> parsed = uri(endpoints.get(i).url());
        if (parsed.isEmpty()) {
          problems.add(
              remote
                  .source()
                  .error(pointer, "the host of this URL is not a valid host name or IP address")
                  .withHint(
                      "write https://host[:port]: a host name of letters, digits, '-' and '.',"
                          + " or an IP address such as [2001:db8::1]"));
          continue;
        }
        URI uri = parsed.get();
        int port = uri.getPort() < 0 ? defaultPort(remote.value()) : uri.getPort();
        if (port < 1 || port > 65535) {
          problems.add(
              remote
                  .source()
                  .error(pointer, "port " + port + " is out of range")
                  .withHint("ports are 1 to 65535; PVE listens on 8006, PBS on 8007"));
          continue;
        }
        String key = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        LoadedObject first = used.putIfAbsent(key, remote.source());
        if (first != null && first != remote.source()) {
          problems.add(
              remote
                  .source()
                  .error(
                      pointer,
                      "endpoint "
                          + endpoints.get(i).url()
                          + " is also an endpoint of "
                          + first.ref())
                  .withHint(
                      "declare each cluster once: two remotes on one cluster would act on the same"
                          + " guests"));
        }
      }
    }
    return problems;
  }

  private static Optional<Problem> tokenRealm(Remote remote, LoadedObject source) {
    String realm = remote.spec().token().realm();
    if (REALM_ID.matcher(realm).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        source
            .error(
                "/spec/token/id",
                "realm '"
                    + realm
                    + "' in token id '"
                    + remote.spec().token().id()
                    + "' is malformed")
            .withHint(
                "a realm id has 2-32 letters, digits, '.', '_' or '-', as in root@pam!pdm-gitops"));
  }

  /**
   * The schema's pattern admits some text that is no URL (https://-, https://[::::1]); those have
   * no host here.
   */
  private static Optional<URI> uri(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static int defaultPort(Remote remote) {
    return remote.spec().type() == RemoteType.PBS ? 8007 : 8006;
  }
}
