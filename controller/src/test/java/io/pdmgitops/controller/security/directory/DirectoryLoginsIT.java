package io.pdmgitops.controller.security.directory;

import static io.pdmgitops.controller.security.directory.DirectoryLogins.Outcome.ACCEPTED;
import static io.pdmgitops.controller.security.directory.DirectoryLogins.Outcome.REFUSED;
import static io.pdmgitops.controller.security.directory.DirectoryLogins.Outcome.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.DirectoryRealmSpec;
import io.pdmgitops.model.desired.LdapMode;
import io.pdmgitops.model.desired.RealmType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLoginsIT {
  @TempDir static Path dir;
  static TestDirectory directory;
  static final DirectoryLogins LOGINS =
      new DirectoryLogins(new SecretResolver(Map.of("READER_PW", TestDirectory.READER_PASSWORD)));

  @BeforeAll
  static void start() throws Exception {
    directory = new TestDirectory(dir);
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  static DirectoryRealmSpec realm(
      String server1,
      Optional<String> server2,
      int port,
      LdapMode mode,
      Optional<Boolean> verify,
      Optional<String> capath,
      String bindPasswordEnv) {
    return new DirectoryRealmSpec(
        RealmType.LDAP,
        Optional.empty(),
        Optional.empty(),
        server1,
        server2,
        Optional.of(port),
        Optional.of(mode),
        verify,
        capath,
        Optional.of("ou=people," + TestDirectory.BASE),
        Optional.of("uid"),
        Optional.of(TestDirectory.READER),
        Optional.of(SecretRef.env(bindPasswordEnv)),
        Optional.empty(),
        List.of("inetOrgPerson"),
        Optional.empty());
  }

  static DirectoryRealmSpec plain() {
    return realm(
        "localhost",
        Optional.empty(),
        directory.ldapPort(),
        LdapMode.LDAP,
        Optional.empty(),
        Optional.empty(),
        "READER_PW");
  }

  @Test
  void theDirectoryDecidesThePasswordOfTheUserItFinds() {
    assertThat(LOGINS.check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(ACCEPTED);
    assertThat(LOGINS.check("corp", plain(), "bob", "wrong".toCharArray())).isEqualTo(REFUSED);
    assertThat(LOGINS.check("corp", plain(), "nobody", "x".toCharArray())).isEqualTo(REFUSED);
    // An empty password would be an anonymous bind, which LDAP answers with success.
    assertThat(LOGINS.check("corp", plain(), "bob", new char[0])).isEqualTo(REFUSED);
    // A name is a value, not a filter: no injection finds bob.
    assertThat(LOGINS.check("corp", plain(), "*", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(REFUSED);
  }

  @Test
  void ldapsIsAcceptedWithTheRealmsCaAndRefusedWithoutIt() {
    DirectoryRealmSpec withCa =
        realm(
            "localhost",
            Optional.empty(),
            directory.ldapsPort(),
            LdapMode.LDAPS,
            Optional.empty(),
            Optional.of(directory.certificatePem().toString()),
            "READER_PW");
    DirectoryRealmSpec withoutCa =
        realm(
            "localhost",
            Optional.empty(),
            directory.ldapsPort(),
            LdapMode.LDAPS,
            Optional.empty(),
            Optional.empty(),
            "READER_PW");
    DirectoryRealmSpec unverified =
        realm(
            "localhost",
            Optional.empty(),
            directory.ldapsPort(),
            LdapMode.LDAPS,
            Optional.of(false),
            Optional.empty(),
            "READER_PW");

    assertThat(LOGINS.check("corp", withCa, "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(ACCEPTED);
    assertThat(LOGINS.check("corp", withoutCa, "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .as("a self-signed directory certificate the JVM does not trust")
        .isEqualTo(UNAVAILABLE);
    assertThat(LOGINS.check("corp", unverified, "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(ACCEPTED);
  }

  @Test
  void theSecondServerStandsInForAnUnreachableFirst() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    DirectoryRealmSpec failover =
        realm(
            "127.0.0.2",
            Optional.of("localhost"),
            directory.ldapPort(),
            LdapMode.LDAP,
            Optional.empty(),
            Optional.empty(),
            "READER_PW");
    DirectoryRealmSpec bothDown =
        realm(
            "localhost",
            Optional.of("localhost"),
            closed,
            LdapMode.LDAP,
            Optional.empty(),
            Optional.empty(),
            "READER_PW");

    assertThat(LOGINS.check("corp", failover, "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(ACCEPTED);
    assertThat(LOGINS.check("corp", bothDown, "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(UNAVAILABLE);
  }

  @Test
  void aWrongServiceAccountPasswordIsADirectoryProblemNotAWrongUserPassword() {
    DirectoryLogins wrongReader =
        new DirectoryLogins(new SecretResolver(Map.of("READER_PW", "not it")));
    assertThat(wrongReader.check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .isEqualTo(UNAVAILABLE);
    assertThat(
            new DirectoryLogins(new SecretResolver(Map.of()))
                .check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray()))
        .as("the bind password's variable is not set")
        .isEqualTo(UNAVAILABLE);
  }
}
