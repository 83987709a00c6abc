package io.pdmgitops.controller.security.directory;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.pdmgitops.model.desired.DirectoryRealmSpec;
import io.pdmgitops.model.desired.LdapMode;
import io.pdmgitops.model.desired.RealmType;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.io.File;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password checks against an LDAP directory or Active Directory realm, as PDM does them. Rules:
 *
 * <ol>
 *   <li>Find the user: bind as {@code bindDn} with the referenced password (anonymously without
 *       one), search below {@code baseDn} for {@code (userAttr=name)} (AD: {@code sAMAccountName}),
 *       narrowed by {@code filter} and {@code userClasses}; exactly one entry.
 *   <li>Check the password by binding as that entry. An empty password is refused before any bind
 *       (LDAP would take it as an anonymous bind and say yes).
 *   <li>Transport: {@code ldaps}, {@code ldap+starttls} or plain {@code ldap}; the server's
 *       certificate and host name are verified (against {@code capath} if given, else the JVM's
 *       trust store) unless {@code verify: false}.
 *   <li>{@code server1}, then {@code server2} if the first cannot be reached; every connection and
 *       answer has a timeout, so a dead directory costs a login seconds, not the controller.
 *   <li>The user's groups, for Groups with {@code realmGroups}: searched below {@code groupDn}
 *       (default {@code baseDn}) as the service account, entries of the {@code groupClasses} that
 *       list the user as {@code member}, {@code uniqueMember} or {@code memberUid}; Active
 *       Directory's nested groups are followed (LDAP_MATCHING_RULE_IN_CHAIN). Each group counts by
 *       its DN and by its {@code groupNameAttr} (default {@code cn}), lower-cased. At most {@value
 *       #MAX_GROUPS} groups; a group search the directory refuses is logged and leaves the user
 *       with no realm groups rather than refusing a right password.
 *   <li>The outcome is one of {@link Outcome}: a wrong password and an unknown user look the same
 *       to the caller; an unreachable or misconfigured directory is logged with its reason (never a
 *       password) and also refuses the login.
 * </ol>
 */
public final class DirectoryLogins {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryLogins.class);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_GROUPS = 1000;

  /** PVE's and PDM's default group classes, and OpenLDAP's. */
  static final List<String> DEFAULT_GROUP_CLASSES =
      List.of(
          "groupOfNames",
          "groupOfUniqueNames",
          "group",
          "posixGroup",
          "univentionGroup",
          "ipausergroup");

  /** Active Directory's "member of, also through nested groups" matching rule. */
  private static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

  /** What a directory said of a login. */
  public enum Outcome {
    ACCEPTED,
    REFUSED,
    UNAVAILABLE
  }

  /**
   * The directory's answer.
   *
   * @param groups for an accepted login, the user's groups as DNs and names, lower-cased
   */
  public record Verdict(Outcome outcome, Set<String> groups) {
    public Verdict {
      groups = Set.copyOf(groups);
    }

    static final Verdict REFUSED = new Verdict(Outcome.REFUSED, Set.of());
    static final Verdict UNAVAILABLE = new Verdict(Outcome.UNAVAILABLE, Set.of());

    public boolean accepted() {
      return outcome == Outcome.ACCEPTED;
    }
  }

  private final SecretResolver secrets;

  public DirectoryLogins(SecretResolver secrets) {
    this.secrets = secrets;
  }

  public Verdict check(String realm, DirectoryRealmSpec spec, String name, char[] password) {
    if (password.length == 0 || name.isBlank()) {
      return Verdict.REFUSED;
    }
    List<String> servers = new ArrayList<>();
    servers.add(spec.server1());
    spec.server2().ifPresent(servers::add);
    for (String server : servers) {
      try (LDAPConnection connection = connect(spec, server)) {
        return authenticate(realm, spec, connection, name, password);
      } catch (LDAPException e) {
        if (e.getResultCode() == ResultCode.CONNECT_ERROR
            || e.getResultCode() == ResultCode.SERVER_DOWN
            || e.getResultCode() == ResultCode.TIMEOUT) {
          LOG.warn("realm {}: {} unreachable: {}", realm, server, e.getMessage());
          continue;
        }
        LOG.warn("realm {}: {} refused the lookup: {}", realm, server, e.getResultCode());
        return Verdict.UNAVAILABLE;
      } catch (GeneralSecurityException | SecretResolver.SecretUnavailableException e) {
        LOG.warn("realm {}: cannot connect to {}: {}", realm, server, e.getMessage());
        return Verdict.UNAVAILABLE;
      }
    }
    return Verdict.UNAVAILABLE;
  }

  private Verdict authenticate(
      String realm,
      DirectoryRealmSpec spec,
      LDAPConnection connection,
      String name,
      char[] password)
      throws LDAPException, SecretResolver.SecretUnavailableException {
    if (spec.bindDn().isPresent()) {
      String bindPassword =
          spec.bindPassword().isPresent() ? secrets.resolve(spec.bindPassword().get()) : "";
      connection.bind(spec.bindDn().get(), bindPassword);
    }
    String attribute =
        spec.userAttr().orElse(spec.type() == RealmType.AD ? "sAMAccountName" : "uid");
    List<Filter> parts = new ArrayList<>();
    parts.add(Filter.createEqualityFilter(attribute, name));
    for (String objectClass : spec.userClasses()) {
      parts.add(Filter.createEqualityFilter("objectClass", objectClass));
    }
    if (spec.filter().isPresent()) {
      parts.add(Filter.create(spec.filter().get()));
    }
    SearchResult found =
        connection.search(
            spec.baseDn().orElse(""),
            SearchScope.SUB,
            Filter.createANDFilter(parts),
            "1.1"); // no attributes: only the DN
    if (found.getEntryCount() != 1) {
      return Verdict.REFUSED; // none, or an ambiguous name
    }
    String dn = found.getSearchEntries().get(0).getDN();
    // Still bound as the service account: the user's own bind may not read groups.
    Set<String> groups = groups(realm, spec, connection, dn, name);
    try {
      BindResult bound = connection.bind(dn, new String(password));
      return bound.getResultCode() == ResultCode.SUCCESS
          ? new Verdict(Outcome.ACCEPTED, groups)
          : Verdict.REFUSED;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return Verdict.REFUSED;
      }
      throw e;
    }
  }

  private static Set<String> groups(
      String realm, DirectoryRealmSpec spec, LDAPConnection connection, String userDn, String name)
      throws LDAPException {
    String nameAttr = spec.groupNameAttr().orElse("cn");
    List<String> classes =
        spec.groupClasses().isEmpty() ? DEFAULT_GROUP_CLASSES : spec.groupClasses();
    Filter membership =
        spec.type() == RealmType.AD
            ? Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, userDn)
            : Filter.createORFilter(
                Filter.createEqualityFilter("member", userDn),
                Filter.createEqualityFilter("uniqueMember", userDn),
                Filter.createEqualityFilter("memberUid", name));
    List<Filter> parts = new ArrayList<>();
    parts.add(
        Filter.createORFilter(
            classes.stream().map(c -> Filter.createEqualityFilter("objectClass", c)).toList()));
    parts.add(membership);
    if (spec.groupFilter().isPresent()) {
      parts.add(Filter.create(spec.groupFilter().get()));
    }
    SearchRequest request =
        new SearchRequest(
            spec.groupDn().or(spec::baseDn).orElse(""),
            SearchScope.SUB,
            Filter.createANDFilter(parts),
            nameAttr);
    request.setSizeLimit(MAX_GROUPS);
    request.setTimeLimitSeconds((int) RESPONSE_TIMEOUT.toSeconds());
    List<SearchResultEntry> entries;
    try {
      entries = connection.search(request).getSearchEntries();
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        LOG.warn("realm {}: more than {} groups for {}; the first count", realm, MAX_GROUPS, name);
        entries = e.getSearchEntries();
      } else if (e.getResultCode() == ResultCode.SERVER_DOWN
          || e.getResultCode() == ResultCode.TIMEOUT) {
        throw e;
      } else {
        LOG.warn("realm {}: the group search was refused: {}", realm, e.getResultCode());
        return Set.of();
      }
    }
    Set<String> groups = new TreeSet<>();
    for (SearchResultEntry entry : entries) {
      groups.add(entry.getParsedDN().toNormalizedString());
      String[] names = entry.getAttributeValues(nameAttr);
      if (names != null) {
        for (String value : names) {
          groups.add(value.toLowerCase(Locale.ROOT));
        }
      }
    }
    return groups;
  }

  private static LDAPConnection connect(DirectoryRealmSpec spec, String server)
      throws LDAPException, GeneralSecurityException {
    LdapMode mode = spec.mode().orElse(LdapMode.LDAP);
    int port = spec.port().orElse(mode == LdapMode.LDAPS ? 636 : 389);
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) CONNECT_TIMEOUT.toMillis());
    options.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
    options.setAbandonOnTimeout(true);
    SSLUtil tls = null;
    if (mode != LdapMode.LDAP) {
      tls = new SSLUtil(trust(spec));
      if (spec.verify().orElse(true)) {
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
      }
    }
    if (mode == LdapMode.LDAPS) {
      return new LDAPConnection(tls.createSSLSocketFactory(), options, server, port);
    }
    LDAPConnection connection = new LDAPConnection(options, server, port);
    if (mode == LdapMode.LDAP_STARTTLS) {
      SSLContext context = tls.createSSLContext();
      var result = connection.processExtendedOperation(new StartTLSExtendedRequest(context));
      if (result.getResultCode() != ResultCode.SUCCESS) {
        connection.close();
        throw new LDAPException(result.getResultCode(), "STARTTLS refused");
      }
    }
    return connection;
  }

  private static TrustManager trust(DirectoryRealmSpec spec) throws GeneralSecurityException {
    if (!spec.verify().orElse(true)) {
      return new TrustAllTrustManager();
    }
    Optional<String> capath = spec.capath();
    if (capath.isPresent()) {
      return new PEMFileTrustManager(new File(capath.get()));
    }
    return JVMDefaultTrustManager.getInstance();
  }
}
