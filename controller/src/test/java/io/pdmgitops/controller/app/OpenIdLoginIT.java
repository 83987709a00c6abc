package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.security.AuditTrail;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins through an OpenID Connect realm, end to end: the demo with a realm whose provider is a
 * real one in this process (mock-oauth2-server: discovery, authorize, token, keys), followed hop by
 * hop as a browser would, with cookies as a browser keeps them.
 */
class OpenIdLoginIT {
  static final String CLIENT_KEY = "sso-client-key-that-is-long-enough";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path data;
  @TempDir static Path clone;
  static MockOAuth2Server provider;
  static RunningDemo running;

  @BeforeAll
  static void start() throws Exception {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
    running = new RunningDemo(data, Map.of("pdm.secrets.SSO_KEY", CLIENT_KEY));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/api/v1/status").statusCode() == 200);
    running.pushFileAndWait(
        clone,
        "access/sso.yaml",
        """
          apiVersion: pdm-gitops/v1
          kind: Realm
          metadata: {name: sso}
          spec:
            type: openid
            comment: Corporate SSO
            issuerUrl: "%s"
            clientId: pdm-gitops
            clientKey: {env: SSO_KEY}
            usernameClaim: preferred_username
            groupsClaim: groups
            acrValues: [mfa]
          ---
          apiVersion: pdm-gitops/v1
          kind: Group
          metadata: {name: sso-east-ops}
          spec:
            realmGroups: [{realm: sso, name: pdm-east}]
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: sso-east-ops-audits-dc-east}
          spec: {subject: {group: sso-east-ops}, role: Audit, path: /remotes/dc-east}
          ---
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: dana}
          spec: {realm: sso}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: dana-audits-dc-west}
          spec: {subject: {user: dana@sso}, role: Audit, path: /remotes/dc-west}
          """
            .formatted(provider.issuerUrl("sso")),
        "Single sign-on");
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  /** One trip to the provider and back, as far as the callback; nothing followed after it. */
  record Trip(URI authorize, String bindingCookie, URI callback) {}

  /** The provider will say this user logged in, with these claims. */
  static void providerSays(String name, Map<String, Object> claims) {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    all.put("preferred_username", name);
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback("sso", "subject-of-" + name, "JWT", null, all, 3600));
  }

  static Trip toProviderAndBack() throws Exception {
    HttpResponse<String> start = get("/oauth2/authorization/sso", Optional.empty());
    assertThat(start.statusCode()).as("redirect to the provider").isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    String binding =
        start.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("PDM_OIDC="))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> atProvider =
        HTTP.send(
            HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(atProvider.statusCode()).as("the provider sends the browser back").isEqualTo(302);
    URI callback = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
    return new Trip(authorize, binding.substring(0, binding.indexOf(';')), callback);
  }

  static HttpResponse<String> get(String pathOrUrl, Optional<String> cookie) throws Exception {
    URI uri =
        pathOrUrl.startsWith("http")
            ? URI.create(pathOrUrl)
            : URI.create(running.url() + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    cookie.ifPresent(c -> request.header("Cookie", c));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The callback as the browser sends it: only the Lax binding cookie comes along. */
  static HttpResponse<String> back(Trip trip) throws Exception {
    return get(trip.callback().toString(), Optional.of(trip.bindingCookie()));
  }

  /**
   * The session the callback started, after the first page (which makes the session's form token
   * and so, as Spring Security does, a new session id: a browser follows the cookie).
   */
  static WebLogin.Session session(HttpResponse<String> answer) throws Exception {
    WebLogin.Session landed = new WebLogin.Session(WebLogin.cookie(answer).orElseThrow(), "");
    HttpResponse<String> first = running.send("/", landed);
    assertThat(first.statusCode()).isEqualTo(200);
    return new WebLogin.Session(WebLogin.cookie(first).orElse(landed.cookie()), "");
  }

  static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0],
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
  }

  @Test
  void theLoginPageOffersTheRealmAndTheRequestCarriesStateNoncePkceAndTheAcrValues()
      throws Exception {
    assertThat(get("/login", Optional.empty()).body())
        .contains("data-realm=\"sso\"")
        .contains("Corporate SSO")
        .contains("/oauth2/authorization/sso");

    providerSays("olga", Map.of("groups", List.of("pdm-east")));
    Trip trip = toProviderAndBack();
    Map<String, String> asked = query(trip.authorize());

    assertThat(trip.authorize().toString()).startsWith(provider.issuerUrl("sso").toString());
    assertThat(asked.get("client_id")).isEqualTo("pdm-gitops");
    assertThat(asked.get("scope").split(" ")).contains("openid");
    assertThat(asked).containsKeys("state", "nonce", "code_challenge");
    assertThat(asked.get("code_challenge_method")).isEqualTo("S256");
    assertThat(asked.get("acr_values")).isEqualTo("mfa");
    assertThat(asked.get("redirect_uri")).isEqualTo(running.url() + "/login/oauth2/code/sso");
    assertThat(trip.bindingCookie()).doesNotContain(asked.get("state"));
    back(trip); // leaves nothing waiting
  }

  @Test
  void aMemberOfAMappedGroupLogsInWithTheGroupsRoleAndNoUserDocument() throws Exception {
    providerSays("olga", Map.of("groups", List.of("pdm-east", "unrelated")));

    HttpResponse<String> landed = back(toProviderAndBack());

    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.body()).contains("http-equiv=\"refresh\"");
    WebLogin.Session olga = session(landed);
    assertThat(running.send("/remotes/dc-east", olga).statusCode()).isEqualTo(200);
    HttpResponse<String> west = running.send("/remotes/dc-west", olga);
    assertThat(west.statusCode()).as("%s %s", west.headers().map(), west.body()).isEqualTo(403);
    assertThat(running.send("/api/v1/remotes", olga).body())
        .contains("dc-east")
        .doesNotContain("dc-west");
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?kind=login&actor=olga@sso").toString())
        .contains("openid sso")
        .contains("groups: sso-east-ops");
  }

  @Test
  void aUserDeclaredInGitLogsInWithTheirOwnRules() throws Exception {
    providerSays("dana", Map.of());

    WebLogin.Session dana = session(back(toProviderAndBack()));

    assertThat(running.send("/remotes/dc-west", dana).statusCode()).isEqualTo(200);
    assertThat(running.send("/remotes/dc-east", dana).statusCode()).isEqualTo(403);
  }

  @Test
  void someoneTheProviderKnowsButGitDoesNotIsRefusedAndAudited() throws Exception {
    providerSays("mallory", Map.of("groups", List.of("PDM-EAST", "staff")));

    HttpResponse<String> landed = back(toProviderAndBack());

    assertThat(landed.statusCode()).isEqualTo(303);
    assertThat(landed.headers().firstValue("Location")).contains("/login?openid-failed");
    assertThat(WebLogin.cookie(landed)).as("no session").isEmpty();
    assertThat(get("/login?openid-failed", Optional.empty()).body())
        .contains("did not complete, or your account has no access here");
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?kind=login-failed&actor=mallory@sso").toString())
        .contains("not a User in Git, in no mapped group");
  }

  @Test
  void aCallbackWorksOnceAndOnlyInTheBrowserThatStartedTheLogin() throws Exception {
    providerSays("olga", Map.of("groups", List.of("pdm-east")));
    Trip trip = toProviderAndBack();

    HttpResponse<String> elsewhere = get(trip.callback().toString(), Optional.empty());
    assertThat(elsewhere.statusCode()).as("another browser: no binding cookie").isEqualTo(303);
    assertThat(WebLogin.cookie(elsewhere)).isEmpty();
    HttpResponse<String> forged =
        get(trip.callback().toString(), Optional.of("PDM_OIDC=someone-elses-value"));
    assertThat(forged.statusCode()).isEqualTo(303);

    assertThat(back(trip).statusCode()).as("the browser that started it").isEqualTo(200);
    HttpResponse<String> replayed = back(trip);
    assertThat(replayed.statusCode()).as("the same callback again").isEqualTo(303);
    assertThat(WebLogin.cookie(replayed)).isEmpty();
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?kind=login-failed&actor=unknown").toString())
        .contains("authorization_request_not_found");
  }

  @Test
  void anIdTokenAlsoMeantForAnotherPartyIsRefused() throws Exception {
    // The provider's claims replace its defaults: the ID token names two audiences.
    providerSays(
        "olga", Map.of("groups", List.of("pdm-east"), "aud", List.of("pdm-gitops", "another-app")));

    HttpResponse<String> landed = back(toProviderAndBack());

    assertThat(landed.statusCode()).isEqualTo(303);
    assertThat(WebLogin.cookie(landed)).isEmpty();
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?kind=login-failed").toString()).contains("another-app");
  }

  @Test
  void aRealmThatIsNotInGitGoesBackToTheLoginPage() throws Exception {
    HttpResponse<String> answer = get("/oauth2/authorization/nowhere", Optional.empty());

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).contains("/login?openid-failed");
  }

  @Test
  void theClientKeyGoesToTheProviderAndNowhereElse() throws Exception {
    providerSays("olga", Map.of("groups", List.of("pdm-east")));
    WebLogin.Session olga = session(back(toProviderAndBack()));

    for (String page : List.of("/login", "/access/tokens", "/remotes/dc-east")) {
      assertThat(running.send(page, olga).body()).doesNotContain(CLIENT_KEY);
    }
  }
}
