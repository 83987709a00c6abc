package io.pdmgitops.controller.security.openid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ResponseStatusException;

class BrowserBoundAuthorizationRequestsTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final BrowserBoundAuthorizationRequests requests =
      new BrowserBoundAuthorizationRequests(clock);

  private static OAuth2AuthorizationRequest request(String state) {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri("https://id.example/authorize")
        .clientId("pdm-gitops")
        .redirectUri("https://pdm.example/login/oauth2/code/sso")
        .state(state)
        .build();
  }

  /** Starts a login over HTTPS; the cookie the browser gets. */
  private ResponseCookie start(String state) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("https://pdm.example/oauth2/authorization/sso"));
    requests.saveAuthorizationRequest(request(state), exchange).block();
    return exchange.getResponse().getCookies().getFirst(BrowserBoundAuthorizationRequests.COOKIE);
  }

  private static MockServerWebExchange callback(String state, String cookie) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get(
            "https://pdm.example/login/oauth2/code/sso?code=c&state=" + state);
    if (cookie != null) {
      request.cookie(
          new org.springframework.http.HttpCookie(
              BrowserBoundAuthorizationRequests.COOKIE, cookie));
    }
    return MockServerWebExchange.from(request);
  }

  @Test
  void theBindingCookieComesBackWithTheProvidersRedirectAndOnlyToTheCallback() {
    ResponseCookie cookie = start("s1");

    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/login/oauth2/code/");
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(cookie.getValue()).hasSizeGreaterThanOrEqualTo(43).doesNotContain("s1");
  }

  @Test
  void aRequestIsFoundOnlyWithItsStateAndTheCookieOfTheBrowserThatStartedIt() {
    String mine = start("s1").getValue();
    String other = start("s2").getValue();

    assertThat(requests.loadAuthorizationRequest(callback("s1", null)).blockOptional()).isEmpty();
    assertThat(requests.loadAuthorizationRequest(callback("s1", other)).blockOptional()).isEmpty();
    assertThat(requests.loadAuthorizationRequest(callback("s3", mine)).blockOptional()).isEmpty();
    assertThat(requests.loadAuthorizationRequest(callback("s1", mine)).block().getState())
        .isEqualTo("s1");
  }

  @Test
  void aRequestIsUsedOnceAndTheCookieIsCleared() {
    String mine = start("s1").getValue();
    MockServerWebExchange back = callback("s1", mine);

    assertThat(requests.removeAuthorizationRequest(back).block()).isNotNull();
    assertThat(back.getResponse().getCookies().getFirst("PDM_OIDC").getMaxAge())
        .isEqualTo(Duration.ZERO);
    assertThat(requests.removeAuthorizationRequest(callback("s1", mine)).blockOptional()).isEmpty();
  }

  @Test
  void aRequestExpiresAfterTenMinutes() {
    String mine = start("s1").getValue();
    now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(1));

    assertThat(requests.loadAuthorizationRequest(callback("s1", mine)).blockOptional()).isEmpty();
  }

  @Test
  void atMostTenThousandWaitAndExpiredOnesMakeRoom() {
    for (int i = 0; i < BrowserBoundAuthorizationRequests.MAX_WAITING; i++) {
      start("s" + i);
    }
    assertThatThrownBy(() -> start("one-too-many"))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("Too many logins in progress");

    now.set(now.get().plus(Duration.ofMinutes(11)));
    start("after-they-expired");
    assertThat(requests.waiting()).isEqualTo(1);
  }
}
