package io.pdmgitops.controller.security.directory;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
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
import java.util.Optional;
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
 *   <li>The outcome is one of {@link Outcome}: a wrong password and an unknown user look the same
 *       to the caller; an unreachable or misconfigured directory is logged with its reason (never a
 *       password) and also refuses the login.
 * </ol>
 */
public final class DirectoryLogins {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryLogins.class);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

  /** What a directory said of a login. */
  public enum Outcome {
    ACCEPTED,
    REFUSED,
    UNAVAILABLE
  }

  private final SecretResolver secrets;

  public DirectoryLogins(SecretResolver secrets) {
    this.secrets = secrets;
  }

  public Outcome check(String realm, DirectoryRealmSpec spec, String name, char[] password) {
    if (password.length == 0 || name.isBlank()) {
      return Outcome.REFUSED;
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
        return Outcome.UNAVAILABLE;
      } catch (GeneralSecurityException | SecretResolver.SecretUnavailableException e) {
        LOG.warn("realm {}: cannot connect to {}: {}", realm, server, e.getMessage());
        return Outcome.UNAVAILABLE;
      }
    }
    return Outcome.UNAVAILABLE;
  }

  private Outcome authenticate(
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
      return Outcome.REFUSED; // none, or an ambiguous name
    }
    String dn = found.getSearchEntries().get(0).getDN();
    try {
      BindResult bound = connection.bind(dn, new String(password));
      return bound.getResultCode() == ResultCode.SUCCESS ? Outcome.ACCEPTED : Outcome.REFUSED;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return Outcome.REFUSED;
      }
      throw e;
    }
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
