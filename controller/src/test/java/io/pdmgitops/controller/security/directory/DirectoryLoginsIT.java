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
        Optional.of("ou=groups," + TestDirectory.BASE),
        Optional.empty(),
        List.of(),
        Optional.empty(),
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
    assertThat(
            LOGINS
                .check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .isEqualTo(ACCEPTED);
    assertThat(LOGINS.check("corp", plain(), "bob", "wrong".toCharArray()).outcome())
        .isEqualTo(REFUSED);
    assertThat(LOGINS.check("corp", plain(), "nobody", "x".toCharArray()).outcome())
        .isEqualTo(REFUSED);
    // An empty password would be an anonymous bind, which LDAP answers with success.
    assertThat(LOGINS.check("corp", plain(), "bob", new char[0]).outcome()).isEqualTo(REFUSED);
    // A name is a value, not a filter: no injection finds bob.
    assertThat(
            LOGINS.check("corp", plain(), "*", TestDirectory.BOB_PASSWORD.toCharArray()).outcome())
        .isEqualTo(REFUSED);
  }

  @Test
  void anAcceptedLoginCarriesTheUsersGroupsByDnAndName() {
    DirectoryLogins.Verdict carol =
        LOGINS.check("corp", plain(), "carol", TestDirectory.CAROL_PASSWORD.toCharArray());
    DirectoryLogins.Verdict bob =
        LOGINS.check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray());

    assertThat(carol.accepted()).isTrue();
    assertThat(carol.groups())
        .containsExactlyInAnyOrder(
            "cn=operators,ou=groups,dc=corp,dc=example",
            "operators",
            "cn=lab,ou=groups,dc=corp,dc=example",
            "lab");
    assertThat(bob.groups())
        .as("Operators only: not lab, not Finance")
        .containsExactlyInAnyOrder("cn=operators,ou=groups,dc=corp,dc=example", "operators");
    assertThat(LOGINS.check("corp", plain(), "carol", "wrong".toCharArray()).groups())
        .as("a refused login says nothing of groups")
        .isEmpty();
  }

  @Test
  void groupClassesAndTheGroupFilterNarrowTheSearch() {
    DirectoryRealmSpec base = plain();
    DirectoryRealmSpec onlyPosix =
        new DirectoryRealmSpec(
            base.type(),
            base.comment(),
            base.isDefault(),
            base.server1(),
            base.server2(),
            base.port(),
            base.mode(),
            base.verify(),
            base.capath(),
            base.baseDn(),
            base.userAttr(),
            base.bindDn(),
            base.bindPassword(),
            base.filter(),
            base.userClasses(),
            base.groupDn(),
            Optional.of("(cn=l*)"),
            List.of("groupOfUniqueNames"),
            Optional.of("cn"),
            base.syncAttributes());

    assertThat(
            LOGINS
                .check("corp", onlyPosix, "carol", TestDirectory.CAROL_PASSWORD.toCharArray())
                .groups())
        .containsExactlyInAnyOrder("cn=lab,ou=groups,dc=corp,dc=example", "lab");
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

    assertThat(
            LOGINS.check("corp", withCa, "bob", TestDirectory.BOB_PASSWORD.toCharArray()).outcome())
        .isEqualTo(ACCEPTED);
    assertThat(
            LOGINS
                .check("corp", withoutCa, "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .as("a self-signed directory certificate the JVM does not trust")
        .isEqualTo(UNAVAILABLE);
    assertThat(
            LOGINS
                .check("corp", unverified, "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
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

    assertThat(
            LOGINS
                .check("corp", failover, "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .isEqualTo(ACCEPTED);
    assertThat(
            LOGINS
                .check("corp", bothDown, "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .isEqualTo(UNAVAILABLE);
  }

  @Test
  void aWrongServiceAccountPasswordIsADirectoryProblemNotAWrongUserPassword() {
    DirectoryLogins wrongReader =
        new DirectoryLogins(new SecretResolver(Map.of("READER_PW", "not it")));
    assertThat(
            wrongReader
                .check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .isEqualTo(UNAVAILABLE);
    assertThat(
            new DirectoryLogins(new SecretResolver(Map.of()))
                .check("corp", plain(), "bob", TestDirectory.BOB_PASSWORD.toCharArray())
                .outcome())
        .as("the bind password's variable is not set")
        .isEqualTo(UNAVAILABLE);
  }
}
