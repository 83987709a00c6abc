package io.pdmgitops.controller.security.openid;

import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.model.desired.OpenIdRealmSpec;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The OpenID Connect realms of the snapshot in force, as Spring Security's client registrations
 * (registration id = realm name). Rules:
 *
 * <ol>
 *   <li>A realm exists for logins exactly while the snapshot in force declares it with type openid;
 *       a commit that changes its issuer, client or scopes applies to the next login.
 *   <li>The provider's endpoints and keys come from its discovery document ({@code
 *       issuerUrl/.well-known/openid-configuration}), fetched off the event loop with a timeout and
 *       remembered for {@link #REMEMBER_FOR} per realm: one slow provider cannot hold up logins of
 *       another realm, and a provider that moves is followed within minutes.
 *   <li>The client key is read from its secret reference at each login (so a rotated file counts at
 *       once) and never logged; without one the client is public ({@code none}).
 *   <li>Every login uses PKCE, a nonce and the {@code openid} scope, whatever the realm lists.
 *   <li>A provider whose discovery fails gives no registration (the login page says the login did
 *       not complete, the log says why); the other realms are unaffected.
 * </ol>
 */
public final class OpenIdRegistrations implements ReactiveClientRegistrationRepository {
  private static final Logger LOG = LoggerFactory.getLogger(OpenIdRegistrations.class);
  static final Duration REMEMBER_FOR = Duration.ofMinutes(10);
  static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(35);

  /** Where the provider sends the browser back to: Spring Security's login callback. */
  public static final String CALLBACK = "/login/oauth2/code/";

  private final PolicyInForce policy;
  private final SecretResolver secrets;
  private final Clock clock;
  private final Function<String, ClientRegistration> discovery;
  private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

  /** A discovery document as a registration without client settings, and when it was read. */
  private record Discovered(String issuer, ClientRegistration provider, Instant at) {}

  public OpenIdRegistrations(PolicyInForce policy, SecretResolver secrets, Clock clock) {
    this(
        policy,
        secrets,
        clock,
        issuer ->
            ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId("discovered")
                .clientId("discovered")
                .build());
  }

  OpenIdRegistrations(
      PolicyInForce policy,
      SecretResolver secrets,
      Clock clock,
      Function<String, ClientRegistration> discovery) {
    this.policy = policy;
    this.secrets = secrets;
    this.clock = clock;
    this.discovery = discovery;
  }

  /** The realm's settings while the snapshot in force declares it as an openid realm. */
  public Optional<OpenIdRealmSpec> realm(String name) {
    return policy
        .state()
        .flatMap(
            s ->
                s.realms().stream()
                    .filter(r -> r.metadata().name().equals(name))
                    .map(Realm::spec)
                    .filter(OpenIdRealmSpec.class::isInstance)
                    .map(OpenIdRealmSpec.class::cast)
                    .findFirst());
  }

  /** The openid realms of the snapshot in force, for the login page: name and label. */
  public List<Map.Entry<String, String>> realms() {
    return policy.state().stream()
        .flatMap(s -> s.realms().stream())
        .filter(r -> r.spec() instanceof OpenIdRealmSpec)
        .map(r -> Map.entry(r.metadata().name(), r.spec().comment().orElse(r.metadata().name())))
        .toList();
  }

  @Override
  public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
    Optional<OpenIdRealmSpec> spec = realm(registrationId);
    if (spec.isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> registration(registrationId, spec.get()))
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(DISCOVERY_TIMEOUT)
        .onErrorResume(
            e -> {
              LOG.warn(
                  "realm {}: no login through {}: {}",
                  registrationId,
                  spec.get().issuerUrl(),
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
              return Mono.empty();
            });
  }

  private ClientRegistration registration(String realm, OpenIdRealmSpec spec)
      throws SecretResolver.SecretUnavailableException {
    ClientRegistration provider = provider(realm, spec.issuerUrl());
    Optional<String> key =
        spec.clientKey().isPresent()
            ? Optional.of(secrets.resolve(spec.clientKey().get()))
            : Optional.empty();
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add("openid");
    scopes.addAll(spec.scopes().isEmpty() ? List.of("email", "profile") : spec.scopes());
    return ClientRegistration.withClientRegistration(provider)
        .registrationId(realm)
        .clientId(spec.clientId())
        .clientSecret(key.orElse(null))
        .clientAuthenticationMethod(
            key.isPresent()
                ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                : ClientAuthenticationMethod.NONE)
        .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
        .scope(scopes)
        // The user name is read by OpenIdIdentity from the realm's claim; sub always exists.
        .userNameAttributeName("sub")
        .clientName(spec.comment().orElse(realm))
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .build();
  }

  private ClientRegistration provider(String realm, String issuer) {
    Discovered known = discovered.get(realm);
    Instant now = clock.instant();
    if (known != null
        && known.issuer().equals(issuer)
        && now.isBefore(known.at().plus(REMEMBER_FOR))) {
      return known.provider();
    }
    ClientRegistration provider = discovery.apply(issuer);
    discovered.put(realm, new Discovered(issuer, provider, now));
    discovered.keySet().removeIf(name -> realm(name).isEmpty()); // realms removed from Git
    return provider;
  }
}
