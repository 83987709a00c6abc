package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DirectoryRealmSpec;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.FilterKey;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.LdapMode;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.desired.WidgetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateLoaderTest {
  static final Path FIXTURES = FixtureProblemsTest.FIXTURES;

  @TempDir Path repo;

  @Test
  void guestsBindEveryDeclaredField() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/guest"));

    Guest web = state.guest("web-01").orElseThrow();
    assertThat(web.spec().remote()).isEqualTo("dc-east");
    assertThat(web.spec().vmid()).isEqualTo(100);
    assertThat(web.spec().type()).isEqualTo(GuestType.QEMU);
    assertThat(web.spec().power()).contains(PowerState.RUNNING);
    assertThat(web.spec().policy()).contains(DriftPolicy.REPORT);
    assertThat(web.spec().restartedAt())
        .contains(OffsetDateTime.parse("2026-11-20T03:00:00+01:00").toInstant());
    assertThat(web.spec().placement()).isEmpty();

    var move = state.guest("db-01").orElseThrow().spec().placement().orElseThrow();
    assertThat(move.remoteOr("dc-east")).isEqualTo("dc-west");
    assertThat(move.node()).isEqualTo("pve-west-1");
    assertThat(move.targetVmid()).contains(2101);
    assertThat(move.storageMap()).isEqualTo(Map.of("local-lvm", "local-zfs", "*", "ceph"));
    assertThat(move.bridgeMap()).isEqualTo(Map.of("*", "vmbr0"));
    assertThat(move.deleteSource()).contains(true);
    assertThat(move.online()).isEmpty();
    assertThat(move.bwlimit()).contains(0L);
  }

  @Test
  void remotesKeepEndpointOrderAndReferenceTheirSecret() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/remote"));

    Remote remote = state.remote("dc-east").orElseThrow();
    assertThat(remote.spec().type()).isEqualTo(RemoteType.PVE);
    assertThat(remote.spec().endpoints())
        .extracting(e -> e.url())
        .containsExactly("https://pve1.example:8006", "https://pve2.example");
    assertThat(remote.spec().endpoints().get(0).fingerprint())
        .hasValueSatisfying(f -> f.startsWith("AB:AB"));
    assertThat(remote.spec().endpoints().get(1).fingerprint()).isEmpty();
    assertThat(remote.spec().token().userId()).isEqualTo("pdm-gitops@pve");
    assertThat(remote.spec().token().secret().env()).contains("TOKEN");
  }

  @Test
  void viewsParseRulesAndWidgets() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/view"));

    var view = state.views().get(0).spec();
    assertThat(view.include())
        .extracting(r -> r.key())
        .containsExactly(FilterKey.REMOTE, FilterKey.TAG, FilterKey.RESOURCE_TYPE);
    assertThat(view.include().get(1).toString()).isEqualTo("exact:tag=prod");
    var rows = view.layout().orElseThrow().rows();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get(0).type()).isEqualTo(WidgetType.NODES);
    assertThat(rows.get(0).get(0).flex()).contains(1.5);
    assertThat(rows.get(1).get(1).type()).isEqualTo(WidgetType.MAP);
  }

  @Test
  void realmsBindByType() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/realm"));

    assertThat(state.realms())
        .extracting(r -> r.metadata().name())
        .containsExactly("ad", "corp", "pdm", "sso");
    var ldap = (DirectoryRealmSpec) state.realms().get(1).spec();
    assertThat(ldap.mode()).contains(LdapMode.LDAP_STARTTLS);
    assertThat(ldap.bindPassword())
        .hasValueSatisfying(ref -> assertThat(ref.file()).contains("/etc/pdm-gitops/ldap.pw"));
  }

  @Test
  void usersAreKnownByNameAndRealm() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/user"));

    assertThat(state.users())
        .extracting(u -> u.identity())
        .containsExactly("alice@corp", "alice@pdm", "ci@pdm");
    User ci = state.users().stream().filter(u -> u.identity().equals("ci@pdm")).findFirst().get();
    assertThat(ci.spec().tokens())
        .extracting(User.Token::name, t -> t.path().orElse("-"), t -> t.expire().orElse("-"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("metrics", "/system", "-"),
            org.assertj.core.groups.Tuple.tuple("deploy", "-", "2027-06-30"));
  }

  @Test
  void mergeKeysFillWhatTheDocumentLeavesOut() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/anchors-and-merge-keys"));

    Guest guest = state.guest("a1").orElseThrow();
    assertThat(guest.spec().remote()).isEqualTo("dc-east");
    assertThat(guest.spec().type()).isEqualTo(GuestType.LXC);
    var placement = guest.spec().placement().orElseThrow();
    assertThat(placement.node()).isEqualTo("pve-1");
    assertThat(placement.online()).contains(false);
    assertThat(placement.bwlimit()).contains(1000L);
  }

  @Test
  void everyObjectRemembersWhereItIsDeclared() {
    DesiredState state = loadValid(FIXTURES.resolve("valid/guest"));

    assertThat(state.sourceOf(state.guest("db-01").orElseThrow()))
        .hasValueSatisfying(
            at -> {
              assertThat(at.file()).isEqualTo("guests.yaml");
              assertThat(at.line()).isEqualTo(17);
            });
  }

  @Test
  void problemsOfAllFilesAreReportedTogether() throws IOException {
    write("a.yaml", "kind: Remot\napiVersion: pdm-gitops/v1\n");
    write("b/c.yaml", "a: [unclosed\n");
    write(
        "d.yml",
        "apiVersion: pdm-gitops/v1\nkind: Group\nmetadata: {name: g1}\nspec: {members: [x@pdm]}\n");

    LoadResult result = new DesiredStateLoader().load(repo);

    assertThat(result.isValid()).isFalse();
    assertThat(result.files()).isEqualTo(3);
    assertThat(result.problems())
        .extracting(p -> p.location().file())
        .containsExactly("a.yaml", "b/c.yaml", "d.yml");
  }

  @Test
  void aRemoteWithASchemaErrorDoesNotCascadeIntoItsGuests() throws IOException {
    write(
        "remote.yaml",
        "apiVersion: pdm-gitops/v1\nkind: Remote\nmetadata: {name: dc-east}\nspec: {type: pve}\n");
    write(
        "guest.yaml",
        "apiVersion: pdm-gitops/v1\nkind: Guest\nmetadata: {name: g1}\n"
            + "spec: {remote: dc-east, vmid: 100, type: lxc, name: g1}\n");

    LoadResult result = new DesiredStateLoader().load(repo);

    assertThat(result.problems())
        .isNotEmpty()
        .allMatch(p -> p.location().file().equals("remote.yaml"));
  }

  @Test
  void secretsWrittenInPlainTextNeverAppearInProblems() {
    LoadResult result =
        new DesiredStateLoader().load(FIXTURES.resolve("invalid/remote-plaintext-secret"));

    assertThat(result.problems()).hasSize(1);
    assertThat(ProblemFormatter.format(result.problems().get(0), ""))
        .doesNotContain("c0ffee00")
        .contains("plaintext secret");
    assertThat(result.problems().get(0).toString()).doesNotContain("c0ffee00");
  }

  @Test
  void hiddenDirectoriesAndOtherFilesAreIgnored() throws IOException {
    write(".git/config.yaml", "not: [desired state");
    write(".github/workflows/ci.yml", "on: push\n");
    write("README.md", "# repo\n");
    write("guests/g.yaml", "");

    LoadResult result = new DesiredStateLoader().load(repo);

    assertThat(result.files()).isEqualTo(1);
    assertThat(result.isValid()).isTrue();
  }

  @Test
  void anEmptyRepositoryIsValidButWarned() {
    LoadResult result = new DesiredStateLoader().load(repo);

    assertThat(result.state()).hasValueSatisfying(s -> assertThat(s.size()).isZero());
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("no desired-state documents found"));
  }

  @Test
  void aMissingDirectoryIsAnInputError() {
    LoadResult result = new DesiredStateLoader().load(repo.resolve("nope"));

    assertThat(result.hasUnreadableFiles()).isTrue();
    assertThat(result.state()).isEqualTo(Optional.empty());
  }

  @Test
  void theProblemListIsBoundedButTheCountIsKept() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      yaml.append("---\nkind: Nope\n");
    }
    write("many.yaml", yaml.toString());
    LoaderLimits ten = new LoaderLimits(100, 1 << 20, 1000, 32, 100, 100_000, 10);

    LoadResult result = new DesiredStateLoader(ten).load(repo);

    assertThat(result.problems()).hasSize(10);
    assertThat(result.omittedProblems()).isEqualTo(50);
    assertThat(result.errorCount()).isEqualTo(60);
  }

  private static DesiredState loadValid(Path dir) {
    LoadResult result = new DesiredStateLoader().load(dir);
    assertThat(result.problems()).noneMatch(Problem::isError);
    return result.state().orElseThrow();
  }

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
