package io.pdmgitops.controller.security;

import io.pdmgitops.controller.security.directory.DirectoryLogins;
import io.pdmgitops.controller.security.tfa.SignInStage;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.AccessPolicy;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.desired.DirectoryRealmSpec;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.desired.RealmSpec;
import io.pdmgitops.model.desired.RealmType;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.webui.audit.AuditKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password logins of the local realm {@code pdm}, from the User documents of the snapshot in force
 * (argon2id hashes), of directory realms (LDAP, Active Directory: {@link DirectoryLogins}) for the
 * users Git declares in them or whose directory groups map to a Group, and the bootstrap credential
 * while no Admin exists. Every failure gives the same answer after the same work: an unknown user,
 * a disabled or expired one, a wrong password and a throttled name or address all cost one hash
 * comparison and say {@link #FAILED}.
 */
public final class LocalLogins implements ReactiveAuthenticationManager {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLogins.class);

  /** What a failed login is told, whatever the reason. */
  public static final String FAILED =
      "Wrong user name or password, or too many failed attempts: try again in a few minutes.";

  /** The realm of users whose password hash is in Git. */
  public static final String LOCAL_REALM = "pdm";

  private final PolicyInForce policy;
  private final LoginThrottle throttle;
  private final BootstrapLogin bootstrap;
  private final AuditTrail audit;
  private final Function<String, Optional<SignInStage>> stageAfterPassword;
  private final DirectoryLogins directory;

  /**
   * @param stageAfterPassword what a user still owes after a right password (a second factor's
   *     code, or its enrolment)
   */
  public LocalLogins(
      PolicyInForce policy,
      LoginThrottle throttle,
      BootstrapLogin bootstrap,
      AuditTrail audit,
      Function<String, Optional<SignInStage>> stageAfterPassword,
      DirectoryLogins directory) {
    this.directory = directory;
    this.policy = policy;
    this.throttle = throttle;
    this.bootstrap = bootstrap;
    this.audit = audit;
    this.stageAfterPassword = stageAfterPassword;
  }

  /** A login attempt: the address it came from travels as the token's details. */
  public static UsernamePasswordAuthenticationToken attempt(
      String user, String password, String address) {
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    token.setDetails(address);
    return token;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication attempt) {
    // Hashing is deliberately slow: off the event loop.
    return Mono.fromCallable(() -> check(attempt)).subscribeOn(Schedulers.boundedElastic());
  }

  private Authentication check(Authentication attempt) {
    String userId = userId(String.valueOf(attempt.getName()));
    char[] password = String.valueOf(attempt.getCredentials()).toCharArray();
    String address = String.valueOf(attempt.getDetails());
    boolean allowed = throttle.allows(userId, address);
    Optional<Account> account = allowed ? account(userId) : Optional.empty();
    Optional<Set<String>> realmGroups;
    if (account.isPresent()) {
      realmGroups = account.get().check(password);
    } else {
      PasswordHashing.matches(password, PasswordHashing.DUMMY_HASH); // the same work, no answer
      realmGroups = REFUSED;
    }
    boolean ok = realmGroups.isPresent();
    java.util.Arrays.fill(password, '\0');
    if (!ok) {
      if (allowed) {
        throttle.failed(userId, address);
      }
      LOG.warn(
          "login failed for {} from {}{}",
          printable(userId),
          address,
          allowed ? "" : " (throttled)");
      audit.record(
          AuditKind.LOGIN_FAILED,
          printable(userId),
          address,
          "password",
          allowed ? "" : "throttled");
      throw new BadCredentialsException(FAILED);
    }
    throttle.succeeded(userId);
    LOG.info("login: {} from {}", userId, address);
    Optional<SignInStage> stage =
        bootstrap.isBootstrap(userId, policy.policy().hasAdminOnRoot())
            ? Optional.empty()
            : stageAfterPassword.apply(userId);
    SignedIn signedIn = new SignedIn(userId, realmGroups.get());
    audit.record(
        AuditKind.LOGIN,
        userId,
        address,
        "password",
        String.join(
            "; ",
            java.util.stream.Stream.concat(
                    groupsNote(signedIn).stream(),
                    stage
                        .map(
                            s ->
                                s == SignInStage.ENROL
                                    ? "must enrol a second factor"
                                    : "second factor next")
                        .stream())
                .toList()));
    return UsernamePasswordAuthenticationToken.authenticated(
        signedIn, null, stage.map(SignInStage::authorities).orElse(List.of()));
  }

  /**
   * Who may log in with a password now and how it is checked: the bootstrap credential, a declared
   * local user's hash, or a directory realm, which also admits users Git does not declare when a
   * group it reports maps to a Group.
   */
  private Optional<Account> account(String userId) {
    AccessPolicy now = policy.policy();
    if (bootstrap.isBootstrap(userId, now.hasAdminOnRoot())) {
      return bootstrap.current().map(c -> pw -> c.matches(pw) ? NO_GROUPS : REFUSED);
    }
    Optional<DesiredState> state = policy.state();
    Optional<User> user = state.flatMap(s -> s.user(userId));
    if (user.isPresent() && !now.isActive(userId)) {
      return Optional.empty(); // disabled or expired
    }
    Caller asked = Caller.user(userId);
    String realm = asked.realm();
    Optional<RealmSpec> realmSpec =
        state.flatMap(
            s ->
                s.realms().stream()
                    .filter(r -> r.metadata().name().equals(realm))
                    .map(Realm::spec)
                    .findFirst());
    if (realmSpec.orElse(null) instanceof DirectoryRealmSpec directorySpec) {
      String name = userId.substring(0, userId.length() - realm.length() - 1);
      return Optional.of(
          pw -> {
            DirectoryLogins.Verdict verdict = directory.check(realm, directorySpec, name, pw);
            boolean admitted =
                verdict.accepted()
                    && now.isActive(Caller.withRealmGroups(userId, verdict.groups()));
            return admitted ? Optional.of(verdict.groups()) : REFUSED;
          });
    }
    boolean local =
        realm.equals(LOCAL_REALM) || realmSpec.map(r -> r.type() == RealmType.PDM).orElse(false);
    if (user.isEmpty() || !local) {
      return Optional.empty(); // unknown; pam and OpenID users do not log in with a password here
    }
    return user.get()
        .spec()
        .passwordHash()
        .filter(PasswordHashing::isAcceptable)
        .map(hash -> pw -> PasswordHashing.matches(pw, hash) ? NO_GROUPS : REFUSED);
  }

  /** For the audit log: the Groups a directory login maps to, when it reported any. */
  private Optional<String> groupsNote(SignedIn signedIn) {
    if (signedIn.realmGroups().isEmpty()) {
      return Optional.empty();
    }
    var groups =
        policy.policy().groupsOf(Caller.withRealmGroups(signedIn.userId(), signedIn.realmGroups()));
    return Optional.of("groups: " + (groups.isEmpty() ? "none" : String.join(", ", groups)));
  }

  /** "admin" means admin@pdm: the local realm is the default, as on PDM's login form. */
  static String userId(String entered) {
    String trimmed = entered.strip();
    return trimmed.contains("@") ? trimmed : trimmed + "@" + LOCAL_REALM;
  }

  /** A user name as typed may be anything, even a password typed in the wrong field: cut it. */
  static String printable(String text) {
    String cleaned = text.replaceAll("[^\\p{Graph}]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
  }

  private static final Optional<Set<String>> NO_GROUPS = Optional.of(Set.of());
  private static final Optional<Set<String>> REFUSED = Optional.empty();

  /** A password check: the realm groups on a right password, empty on a wrong one. */
  @FunctionalInterface
  private interface Account {
    Optional<Set<String>> check(char[] password);
  }
}
