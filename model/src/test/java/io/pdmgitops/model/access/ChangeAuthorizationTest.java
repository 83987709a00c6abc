package io.pdmgitops.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.ChangeAuthorization.ChangeKind;
import io.pdmgitops.model.access.ChangeAuthorization.Verdict;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may commit which change, on repositories loaded through the real loader. */
class ChangeAuthorizationTest {
  static final String REMOTES =
      """
      apiVersion: pdm-gitops/v1
      kind: Remote
      metadata: {name: dc-east}
      spec:
        type: pve
        endpoints: [{url: "https://east.example:8006"}]
        token: {id: "pdm-gitops@pve!controller", secret: {env: EAST_TOKEN}}
      ---
      apiVersion: pdm-gitops/v1
      kind: Remote
      metadata: {name: dc-west}
      spec:
        type: pve
        endpoints: [{url: "https://west.example:8006"}]
        token: {id: "pdm-gitops@pve!controller", secret: {env: WEST_TOKEN}}
      """;

  static final String GUESTS =
      """
      # Guests of both sites.
      apiVersion: pdm-gitops/v1
      kind: Guest
      metadata: {name: web}
      spec: {remote: dc-east, vmid: 100, type: qemu, name: web, power: running}
      ---
      apiVersion: pdm-gitops/v1
      kind: Guest
      metadata: {name: db}
      spec: {remote: dc-west, vmid: 200, type: qemu, name: db, power: running}
      """;

  static final String ACCESS =
      """
      apiVersion: pdm-gitops/v1
      kind: User
      metadata: {name: alice}
      spec: {realm: pdm}
      ---
      apiVersion: pdm-gitops/v1
      kind: User
      metadata: {name: bob}
      spec: {realm: pdm}
      ---
      apiVersion: pdm-gitops/v1
      kind: User
      metadata: {name: carol}
      spec: {realm: pdm}
      ---
      apiVersion: pdm-gitops/v1
      kind: User
      metadata: {name: root}
      spec: {realm: pdm}
      ---
      apiVersion: pdm-gitops/v1
      kind: AccessRule
      metadata: {name: alice-manages-east}
      spec: {subject: {user: alice@pdm}, role: Manage, path: /remotes/dc-east}
      ---
      apiVersion: pdm-gitops/v1
      kind: AccessRule
      metadata: {name: bob-administers-east}
      spec: {subject: {user: bob@pdm}, role: Admin, path: /remotes/dc-east}
      ---
      apiVersion: pdm-gitops/v1
      kind: AccessRule
      metadata: {name: carol-audits}
      spec: {subject: {user: carol@pdm}, role: Audit, path: /}
      ---
      apiVersion: pdm-gitops/v1
      kind: AccessRule
      metadata: {name: root-administers}
      spec: {subject: {user: root@pdm}, role: Admin, path: /}
      """;

  @TempDir Path base;
  @TempDir Path changed;

  DesiredState load(Path dir, String guests) throws IOException {
    Files.writeString(dir.resolve("remotes.yaml"), REMOTES);
    Files.writeString(dir.resolve("guests.yaml"), guests);
    Files.writeString(dir.resolve("access.yaml"), ACCESS);
    LoadResult result = new DesiredStateLoader().load(dir);
    assertThat(result.problems()).noneMatch(Problem::isError);
    return result.state().orElseThrow();
  }

  Verdict verdict(String user, String guests) throws IOException {
    DesiredState before = load(base, GUESTS);
    DesiredState after = load(changed, guests);
    return ChangeAuthorization.check(
        before,
        after,
        Set.of("guests.yaml"),
        Caller.user(user),
        AccessPolicy.of(before, Clock.systemUTC()));
  }

  @Test
  void aManagerMayChangeTheStateOfAGuestTheyManage() throws IOException {
    Verdict verdict =
        verdict(
            "alice@pdm", GUESTS.replace("name: web, power: running", "name: web, power: stopped"));

    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.subject()).isEqualTo("Guest/web");
              assertThat(c.kind()).isEqualTo(ChangeKind.STATE);
              assertThat(c.needs()).isEqualTo(Permission.OPERATE);
            });
    assertThat(
            verdict(
                    "alice@pdm",
                    GUESTS.replace(
                        "power: running}\n---",
                        "power: running, restartedAt: \"2026-12-03T10:00:00Z\"}\n---"))
                .allowed())
        .as("a reboot")
        .isTrue();
  }

  @Test
  void configurationNeedsAdminAndTheRefusalNamesTheObjectAndThePath() throws IOException {
    Verdict renamed =
        verdict("alice@pdm", GUESTS.replace("type: qemu, name: web,", "type: qemu, name: www,"));

    assertThat(renamed.allowed()).isFalse();
    assertThat(renamed.reason()).isEqualTo("Guest/web needs Admin on /remotes/dc-east/guests/100");
    assertThat(
            verdict("bob@pdm", GUESTS.replace("type: qemu, name: web,", "type: qemu, name: www,"))
                .allowed())
        .isTrue();
  }

  @Test
  void aMoveToAnotherRemoteNeedsManageWhereTheGuestLands() throws IOException {
    String moved =
        GUESTS.replace(
            "name: web, power: running}",
            "name: web, power: running, placement: {remote: dc-west, node: pve-w1, storageMap: {'*': local-zfs}, bridgeMap: {vmbr0: vmbr0}}}");

    assertThat(verdict("alice@pdm", moved).reason())
        .isEqualTo(
            "Guest/web needs Manage on /remotes/dc-east/guests/100 and /remotes/dc-west/guests/100");
    assertThat(verdict("root@pdm", moved).allowed()).isTrue();
  }

  @Test
  void addingOrRemovingAGuestIsConfigurationOnItsRemote() throws IOException {
    String added =
        GUESTS
            + """
            ---
            apiVersion: pdm-gitops/v1
            kind: Guest
            metadata: {name: cache}
            spec: {remote: dc-east, vmid: 101, type: lxc, name: cache}
            """;
    String removedDb =
        GUESTS.substring(
            0, GUESTS.indexOf("---\napiVersion: pdm-gitops/v1\nkind: Guest\nmetadata: {name: db}"));

    assertThat(verdict("bob@pdm", added).allowed()).isTrue();
    assertThat(verdict("alice@pdm", added).refused())
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(ChangeKind.ADDED));
    assertThat(verdict("bob@pdm", removedDb).reason())
        .isEqualTo("Guest/db needs Admin on /remotes/dc-west/guests/200");
  }

  @Test
  void aCommentIsConfigurationOfEveryObjectTheFileDeclares() throws IOException {
    String comment = GUESTS.replace("# Guests of both sites.", "# Guests of both data centres.");

    assertThat(verdict("bob@pdm", comment).reason())
        .isEqualTo(
            "file guests.yaml needs Admin on /remotes/dc-east/guests/100 and /remotes/dc-west/guests/200");
    assertThat(verdict("root@pdm", comment).allowed()).isTrue();
  }

  @Test
  void anAuditorMayChangeNothing() throws IOException {
    assertThat(
            verdict(
                    "carol@pdm",
                    GUESTS.replace("name: web, power: running", "name: web, power: stopped"))
                .allowed())
        .isFalse();
  }
}
