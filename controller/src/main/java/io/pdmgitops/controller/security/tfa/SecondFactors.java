package io.pdmgitops.controller.security.tfa;

import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.security.LoginThrottle;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.controller.security.TokenSecret;
import io.pdmgitops.controller.store.JdbcSecondFactors;
import io.pdmgitops.controller.store.JdbcSecondFactors.Enrolment;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.webui.audit.AuditKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP second factors and recovery codes. Rules:
 *
 * <ol>
 *   <li>A user enrols in the UI: a new secret is shown (QR code and text) and counts only once a
 *       code made from it is typed back. Enrolling again replaces the secret and the codes.
 *   <li>Enrolment gives {@link #RECOVERY_CODES} recovery codes, shown once and stored as SHA-256
 *       hashes (random enough that a fast hash is safe); each works once, instead of a TOTP code.
 *   <li>A TOTP code works once (the last accepted step is stored) and within one step of the clock;
 *       failures are throttled per user like passwords and recorded in the audit log.
 *   <li>The secret is stored sealed ({@link SecretBox}); Git only says whether one is required.
 * </ol>
 */
public final class SecondFactors {
  public static final int RECOVERY_CODES = 10;
  static final String ISSUER = "pdm-gitops";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** A secret offered for enrolment, not yet confirmed. */
  public record Candidate(String sealed, String uri, String typed, String qrSvg) {
    @Override
    public String toString() {
      return "Candidate[hidden]";
    }
  }

  private final JdbcSecondFactors store;
  private final SecretBox box;
  private final PolicyInForce policy;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Clock clock;

  public SecondFactors(
      JdbcSecondFactors store,
      SecretBox box,
      PolicyInForce policy,
      LoginThrottle throttle,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.box = box;
    this.policy = policy;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the user has a second factor: a TOTP app or a passkey. */
  public boolean enrolled(String userId) {
    return store.totp(userId).isPresent() || !store.passkeys(userId).isEmpty();
  }

  /** Whether the user has a TOTP app (the login page then asks for its code). */
  public boolean hasTotp(String userId) {
    return store.totp(userId).isPresent();
  }

  public Optional<Enrolment> enrolment(String userId) {
    return store.totp(userId);
  }

  public int recoveryLeft(String userId) {
    return store.recoveryLeft(userId);
  }

  /** Whether the user's document in Git says {@code tfa: required: true}. */
  public boolean required(String userId) {
    return policy
        .state()
        .flatMap(s -> s.user(userId))
        .flatMap(u -> u.spec().tfa())
        .map(User.Tfa::required)
        .orElse(false);
  }

  /** The stage a password login of this user reaches. */
  public Optional<SignInStage> stageAfterPassword(String userId) {
    if (enrolled(userId)) {
      return Optional.of(SignInStage.SECOND_FACTOR);
    }
    return required(userId) ? Optional.of(SignInStage.ENROL) : Optional.empty();
  }

  public Candidate candidate(String userId) {
    byte[] secret = Totp.newSecret();
    String uri = Totp.uri(ISSUER, userId, secret);
    return new Candidate(box.seal(secret), uri, Totp.typed(secret), QrSvg.of(uri));
  }

  /**
   * Enrols the candidate when the code is its current one; the recovery codes to show once, or
   * empty when the code is wrong.
   */
  public Optional<List<String>> confirm(
      String userId, String sealedCandidate, String code, String address) {
    byte[] secret = box.open(sealedCandidate);
    OptionalLong step = Totp.verify(secret, code, clock.instant(), Long.MIN_VALUE);
    if (step.isEmpty()) {
      audit.record(AuditKind.TFA_FAILED, userId, address, "enrolment", "wrong code");
      return Optional.empty();
    }
    List<String> codes = newRecoveryCodes();
    store.enrol(
        userId,
        sealedCandidate,
        step.getAsLong(),
        clock.instant(),
        codes.stream().map(SecondFactors::hash).toList());
    audit.record(AuditKind.TFA_ENROLLED, userId, address, "totp", "");
    return Optional.of(codes);
  }

  /** Checks a TOTP code or a recovery code of an enrolled user; each works once. */
  public boolean verify(String userId, String code, String address) {
    String key = userId + "#second-factor";
    if (!throttle.allows(key, address)) {
      audit.record(AuditKind.TFA_FAILED, userId, address, "login", "throttled");
      return false;
    }
    Optional<Enrolment> enrolment = store.totp(userId);
    if (enrolment.isEmpty()) {
      return false;
    }
    OptionalLong step =
        Totp.verify(
            box.open(enrolment.get().sealedSecret()),
            code,
            clock.instant(),
            enrolment.get().lastStep());
    boolean ok = step.isPresent() && store.accept(userId, step.getAsLong());
    if (!ok && isRecoveryShaped(code) && store.useRecovery(userId, hash(code))) {
      audit.record(
          AuditKind.RECOVERY_USED,
          userId,
          address,
          "login",
          store.recoveryLeft(userId) + " recovery codes left");
      ok = true;
    }
    if (ok) {
      throttle.succeeded(key);
    } else {
      throttle.failed(key, address);
      audit.record(AuditKind.TFA_FAILED, userId, address, "login", "wrong code");
    }
    return ok;
  }

  /** Removes the user's second factor after a code proves it is theirs. */
  public boolean remove(String userId, String code, String address) {
    if (!verify(userId, code, address)) {
      return false;
    }
    store.remove(userId);
    audit.record(AuditKind.TFA_REMOVED, userId, address, "totp", "");
    return true;
  }

  /**
   * An Admin removes another user's second factor (a lost phone and lost recovery codes); whether
   * the user had one. Their next login enrols again if Git requires it.
   */
  public boolean reset(String admin, String userId, String address) {
    if (!enrolled(userId)) {
      return false;
    }
    store.removeAll(userId);
    audit.record(AuditKind.TFA_REMOVED, admin, address, userId, "reset by an Admin");
    return true;
  }

  /** A fresh set of recovery codes, to store as hashes and show once. */
  List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      codes.add(recoveryCode());
    }
    return codes;
  }

  private static boolean isRecoveryShaped(String code) {
    return code != null && normalise(code).length() == 10;
  }

  private static String recoveryCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
      if (i == 4) {
        code.append('-');
      }
    }
    return code.toString();
  }

  private static String normalise(String code) {
    return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }

  static String hash(String code) {
    return TokenSecret.hash(normalise(code));
  }
}
