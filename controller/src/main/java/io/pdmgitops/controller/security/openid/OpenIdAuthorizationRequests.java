package io.pdmgitops.controller.security.openid;

import java.util.function.Consumer;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * The request that sends a browser to the provider: Spring's (state, nonce, PKCE), plus the realm's
 * {@code prompt} and {@code acrValues} as {@code prompt} and {@code acr_values}.
 */
public final class OpenIdAuthorizationRequests {
  private OpenIdAuthorizationRequests() {}

  public static ServerOAuth2AuthorizationRequestResolver resolver(
      OpenIdRegistrations registrations) {
    DefaultServerOAuth2AuthorizationRequestResolver resolver =
        new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(realmParameters(registrations));
    return resolver;
  }

  static Consumer<OAuth2AuthorizationRequest.Builder> realmParameters(
      OpenIdRegistrations registrations) {
    return builder -> {
      String[] realm = new String[1];
      builder.attributes(a -> realm[0] = (String) a.get(OAuth2ParameterNames.REGISTRATION_ID));
      if (realm[0] == null) {
        return;
      }
      registrations
          .realm(realm[0])
          .ifPresent(
              spec ->
                  builder.additionalParameters(
                      parameters -> {
                        spec.prompt().ifPresent(p -> parameters.put("prompt", p));
                        if (!spec.acrValues().isEmpty()) {
                          parameters.put("acr_values", String.join(" ", spec.acrValues()));
                        }
                      }));
    };
  }
}
