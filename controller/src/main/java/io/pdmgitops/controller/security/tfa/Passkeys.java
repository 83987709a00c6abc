package io.pdmgitops.controller.security.tfa;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.security.LoginThrottle;
import io.pdmgitops.controller.store.JdbcSecondFactors;
import io.pdmgitops.controller.store.JdbcSecondFactors.Passkey;
import io.pdmgitops.webui.audit.AuditKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passkeys (WebAuthn credentials: a platform authenticator, a phone, a security key) as a second
 * factor, checked with webauthn4j. Rules:
 *
 * <ol>
 *   <li>Every ceremony has its own random challenge of 32 bytes, kept in the session for {@link
 *       #CEREMONY} and used once; the answer must be signed for this origin and relying party (the
 *       host name the browser used) and show user presence. User verification (PIN, biometrics) is
 *       asked for where the authenticator offers it, not required: the password was the first
 *       factor.
 *   <li>Only public keys are stored (no secret to seal); a passkey is bound to its user: another
 *       user's credential never completes a login.
 *   <li>The signature counter must grow when the authenticator keeps one; a counter that goes back
 *       means a cloned credential and refuses the login. A counter of zero (passkeys synced between
 *       devices) is accepted as such.
 *   <li>At most {@link #MAX_PER_USER} passkeys per user. The first second factor of a user also
 *       gives the recovery codes, shown once. Failures are throttled and audited like TOTP codes.
 * </ol>
 */
public final class Passkeys {
  private static final Logger LOG = LoggerFactory.getLogger(Passkeys.class);
  public static final Duration CEREMONY = Duration.ofMinutes(2);
  public static final int MAX_PER_USER = 10;
  static final int MAX_LABEL = 64;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      List.of(
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
          new PublicKeyCredentialParameters(
              PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

  /**
   * A ceremony in progress: its challenge and where it must come from.
   *
   * @param userId whose ceremony it is
   * @param challenge base64url of the random bytes the authenticator signs
   * @param origin the page's origin the answer must name
   * @param rpId the relying party id (the host name)
   * @param until when it expires
   */
  public record Ceremony(String userId, String challenge, String origin, String rpId, Instant until)
      implements java.io.Serializable {}

  /** What a registration gave: the recovery codes when it was the first factor. */
  public record Registered(Optional<List<String>> recoveryCodes) {}

  private final JdbcSecondFactors store;
  private final SecondFactors factors;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Clock clock;
  private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
  private final AttestedCredentialDataConverter credentials =
      new AttestedCredentialDataConverter(new ObjectConverter());

  public Passkeys(
      JdbcSecondFactors store,
      SecondFactors factors,
      LoginThrottle throttle,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.factors = factors;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Passkey> of(String userId) {
    return store.passkeys(userId);
  }

  /** A new ceremony for the user, at the origin the browser shows. */
  public Ceremony begin(String userId, String origin) {
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    return new Ceremony(
        userId,
        base64url(challenge),
        origin,
        Origin.create(origin).getHost(),
        clock.instant().plus(CEREMONY));
  }

  /**
   * {@code PublicKeyCredentialCreationOptions} as JSON, for {@code navigator.credentials.create}.
   */
  public String creationOptions(Ceremony ceremony) {
    ObjectNode options = JSON.createObjectNode();
    options.put("challenge", ceremony.challenge());
    options.putObject("rp").put("id", ceremony.rpId()).put("name", "pdm-gitops");
    options
        .putObject("user")
        .put("id", userHandle(ceremony.userId()))
        .put("name", ceremony.userId())
        .put("displayName", ceremony.userId());
    ArrayNode params = options.putArray("pubKeyCredParams");
    for (PublicKeyCredentialParameters p : ALGORITHMS) {
      params.addObject().put("type", "public-key").put("alg", p.getAlg().getValue());
    }
    ArrayNode exclude = options.putArray("excludeCredentials");
    for (Passkey existing : store.passkeys(ceremony.userId())) {
      exclude.addObject().put("type", "public-key").put("id", existing.credentialId());
    }
    options
        .putObject("authenticatorSelection")
        .put("residentKey", "preferred")
        .put("userVerification", "preferred");
    options.put("attestation", "none");
    options.put("timeout", CEREMONY.toMillis());
    return options.toString();
  }

  /** {@code PublicKeyCredentialRequestOptions} as JSON, for {@code navigator.credentials.get}. */
  public String requestOptions(Ceremony ceremony) {
    ObjectNode options = JSON.createObjectNode();
    options.put("challenge", ceremony.challenge());
    options.put("rpId", ceremony.rpId());
    ArrayNode allow = options.putArray("allowCredentials");
    for (Passkey passkey : store.passkeys(ceremony.userId())) {
      allow.addObject().put("type", "public-key").put("id", passkey.credentialId());
    }
    options.put("userVerification", "preferred");
    options.put("timeout", CEREMONY.toMillis());
    return options.toString();
  }

  /**
   * Registers the passkey the browser made in the ceremony.
   *
   * @throws IllegalArgumentException with a message for the user when it does not verify
   */
  public Registered register(Ceremony ceremony, String label, String responseJson, String address) {
    checkFresh(ceremony);
    String name = label == null || label.isBlank() ? "passkey" : label.strip();
    if (name.length() > MAX_LABEL) {
      throw new IllegalArgumentException("The name is longer than " + MAX_LABEL + " characters.");
    }
    if (store.passkeys(ceremony.userId()).size() >= MAX_PER_USER) {
      throw new IllegalArgumentException(
          "You have " + MAX_PER_USER + " passkeys: remove one before adding another.");
    }
    RegistrationData data;
    try {
      data =
          webAuthn.verifyRegistrationResponseJSON(
              responseJson,
              new RegistrationParameters(serverProperty(ceremony), ALGORITHMS, false, true));
    } catch (WebAuthnException | IllegalArgumentException e) {
      LOG.info("passkey registration of {} refused: {}", ceremony.userId(), e.getMessage());
      audit.record(
          AuditKind.TFA_FAILED, ceremony.userId(), address, "passkey enrolment", reason(e));
      throw new IllegalArgumentException("The passkey could not be verified: try again.", e);
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData credential = authenticator.getAttestedCredentialData();
    List<String> codes = factors.newRecoveryCodes();
    boolean first =
        store.addPasskey(
            new Passkey(
                base64url(credential.getCredentialId()),
                ceremony.userId(),
                name,
                base64url(credentials.convert(credential)),
                authenticator.getSignCount(),
                authenticator.isFlagUV(),
                authenticator.isFlagBE(),
                authenticator.isFlagBS(),
                clock.instant(),
                Optional.empty()),
            codes.stream().map(SecondFactors::hash).toList());
    audit.record(AuditKind.TFA_ENROLLED, ceremony.userId(), address, "passkey", name);
    return new Registered(first ? Optional.of(codes) : Optional.empty());
  }

  /** Checks a passkey's answer to the login ceremony; each answer works once. */
  public boolean verify(Ceremony ceremony, String responseJson, String address) {
    String userId = ceremony.userId();
    String key = userId + "#second-factor";
    if (!throttle.allows(key, address)) {
      audit.record(AuditKind.TFA_FAILED, userId, address, "login", "throttled");
      return false;
    }
    boolean ok = false;
    String why = "not verified";
    try {
      checkFresh(ceremony);
      AuthenticationData answer = webAuthn.parseAuthenticationResponseJSON(responseJson);
      String id = base64url(answer.getCredentialId());
      Optional<Passkey> passkey =
          store.passkeys(userId).stream().filter(p -> p.credentialId().equals(id)).findFirst();
      if (passkey.isEmpty()) {
        why = "not a passkey of this user";
      } else {
        CredentialRecord record = record(passkey.get());
        webAuthn.verify(
            answer,
            new AuthenticationParameters(
                serverProperty(ceremony), record, List.of(answer.getCredentialId()), false, true));
        long count = answer.getAuthenticatorData().getSignCount();
        boolean counterOk =
            (count == 0 && passkey.get().signCount() == 0) || count > passkey.get().signCount();
        ok = counterOk && store.usePasskey(id, passkey.get().signCount(), count, clock.instant());
        why = counterOk ? "used twice at once" : "signature counter went back: a cloned key?";
      }
    } catch (WebAuthnException | IllegalArgumentException e) {
      why = reason(e);
    }
    if (ok) {
      throttle.succeeded(key);
    } else {
      throttle.failed(key, address);
      LOG.info("passkey login of {} refused: {}", userId, why);
      audit.record(AuditKind.TFA_FAILED, userId, address, "login", "passkey: " + why);
    }
    return ok;
  }

  public boolean remove(String userId, String credentialId, String address) {
    boolean removed = store.removePasskey(userId, credentialId);
    if (removed) {
      audit.record(AuditKind.TFA_REMOVED, userId, address, "passkey", "");
    }
    return removed;
  }

  private void checkFresh(Ceremony ceremony) {
    if (clock.instant().isAfter(ceremony.until())) {
      throw new IllegalArgumentException("The request took too long: try again.");
    }
  }

  private CredentialRecord record(Passkey passkey) {
    AttestedCredentialData credential =
        credentials.convert(Base64.getUrlDecoder().decode(passkey.credentialData()));
    return new CredentialRecordImpl(
        new NoneAttestationStatement(),
        passkey.uvInitialized(),
        passkey.backupEligible(),
        passkey.backupState(),
        passkey.signCount(),
        credential,
        null,
        null,
        null,
        null);
  }

  private static ServerProperty serverProperty(Ceremony ceremony) {
    return ServerProperty.builder()
        .origin(Origin.create(ceremony.origin()))
        .rpId(ceremony.rpId())
        .challenge(new DefaultChallenge(ceremony.challenge()))
        .build();
  }

  /** A stable, opaque handle for the user (WebAuthn forbids personal data there). */
  static String userHandle(String userId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
      return base64url(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String reason(Exception e) {
    String text = e.getClass().getSimpleName();
    return text.length() > 80 ? text.substring(0, 80) : text;
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
