package io.pdmgitops.controller.security.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.pdmgitops.controller.tls.WebCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A real LDAP server in the test's process (UnboundID's in-memory directory): plain LDAP and LDAPS
 * with a self-signed certificate for localhost, people under ou=people,dc=corp,dc=example, groups
 * under ou=groups (Operators lists bob and carol as members, lab lists carol as uniqueMember,
 * Finance lists nobody here) and a read-only service account.
 */
public final class TestDirectory implements AutoCloseable {
  public static final String BASE = "dc=corp,dc=example";
  public static final String READER = "cn=reader,dc=corp,dc=example";
  public static final String READER_PASSWORD = "reader-password";
  public static final String BOB_PASSWORD = "bob's long password";
  public static final String CAROL_PASSWORD = "carol's own passphrase";
  public static final String OPERATORS = "cn=Operators,ou=groups," + BASE;

  private final InMemoryDirectoryServer server;
  private final Path certificatePem;

  public TestDirectory(Path dir) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=admin", "admin");
    // The web UI's kind of certificate: self-signed for localhost (names and addresses).
    WebCertificate certificate = WebCertificate.ensure(dir.resolve("directory-tls"));
    SSLUtil serverTls =
        new SSLUtil(
            new KeyStoreKeyManager(
                certificate.keyStore().toFile(),
                certificate.password().toCharArray(),
                "PKCS12",
                WebCertificate.ALIAS),
            new TrustAllTrustManager());
    // On 127.0.0.1 only: 127.0.0.2 is then an address where no directory answers.
    java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, null),
        InMemoryListenerConfig.createLDAPSConfig(
            "ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null));
    // Only what a real directory would let an anonymous client do: nothing but bind.
    config.setAuthenticationRequiredOperationTypes(
        java.util.EnumSet.of(com.unboundid.ldap.sdk.OperationType.SEARCH));
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: corp");
    server.add(
        "dn: ou=people," + BASE,
        "objectClass: top",
        "objectClass: organizationalUnit",
        "ou: people");
    server.add(
        "dn: " + READER,
        "objectClass: top",
        "objectClass: person",
        "cn: reader",
        "sn: reader",
        "userPassword: " + READER_PASSWORD);
    server.add(
        "dn: uid=bob,ou=people," + BASE,
        "objectClass: top",
        "objectClass: inetOrgPerson",
        "uid: bob",
        "cn: Bob",
        "sn: Auditor",
        "userPassword: " + BOB_PASSWORD);
    server.add(
        "dn: uid=carol,ou=people," + BASE,
        "objectClass: top",
        "objectClass: inetOrgPerson",
        "uid: carol",
        "cn: Carol",
        "sn: Operator",
        "userPassword: " + CAROL_PASSWORD);
    server.add(
        "dn: ou=groups," + BASE,
        "objectClass: top",
        "objectClass: organizationalUnit",
        "ou: groups");
    server.add(
        "dn: " + OPERATORS,
        "objectClass: top",
        "objectClass: groupOfNames",
        "cn: Operators",
        "member: uid=bob,ou=people," + BASE,
        "member: uid=carol,ou=people," + BASE);
    server.add(
        "dn: cn=lab,ou=groups," + BASE,
        "objectClass: top",
        "objectClass: groupOfUniqueNames",
        "cn: lab",
        "uniqueMember: uid=carol,ou=people," + BASE);
    server.add(
        "dn: cn=Finance,ou=groups," + BASE,
        "objectClass: top",
        "objectClass: groupOfNames",
        "cn: Finance",
        "member: " + READER);
    server.startListening();
    certificatePem = dir.resolve("directory-ca.pem");
    Files.writeString(
        certificatePem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(certificate.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }

  public int ldapPort() {
    return server.getListenPort("ldap");
  }

  public int ldapsPort() {
    return server.getListenPort("ldaps");
  }

  /** The server certificate as PEM, for a realm's capath. */
  public Path certificatePem() {
    return certificatePem;
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
