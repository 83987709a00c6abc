package io.pdmgitops.model.access;

import static io.pdmgitops.model.access.Rows.guest;
import static io.pdmgitops.model.access.Rows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Role;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of {@link AccessPolicy}, one by one, on policies loaded from YAML through the real
 * loader: what a test grants is what a repository could say.
 */
class AccessPolicyTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String ALICE = "alice@pdm";
  static final String BOB = "bob@pdm";

  static final AccessPath EAST = AccessPath.remote("dc-east");
  static final AccessPath WEST = AccessPath.remote("dc-west");
  static final FleetResource EAST_WEB = guest("dc-east", 100, "prod");
  static final FleetResource EAST_LAB = guest("dc-east", 101);
  static final FleetResource WEST_DB = guest("dc-west", 200, "prod");
  static final FleetResource WEST_NODE = node("dc-west", "pve-w1");

  /** Three remotes and two views: prod (tag=prod) and west (remote=dc-west). */
  private static final String FLEET =
      """
      apiVersion: pdm-gitops/v1
      kind: Remote
      metadata: {name: dc-east}
      spec:
        type: pve
        endpoints: [{url: "https://east.example:8006"}]
        token: {id: "pdm-gitops@pve!controller", secret: {env: EAST_TOKEN}}
        tokens:
          - {name: pool-ops, id: "ops@pve!pool", secret: {env: EAST_POOL_TOKEN}}
      ---
      apiVersion: pdm-gitops/v1
      kind: Remote
      metadata: {name: dc-west}
      spec:
        type: pve
        endpoints: [{url: "https://west.example:8006"}]
        token: {id: "pdm-gitops@pve!controller", secret: {env: WEST_TOKEN}}
      ---
      apiVersion: pdm-gitops/v1
      kind: Remote
      metadata: {name: pbs-main}
      spec:
        type: pbs
        endpoints: [{url: "https://pbs.example:8007"}]
        token: {id: "pdm-gitops@pbs!controller", secret: {env: PBS_TOKEN}}
      ---
      apiVersion: pdm-gitops/v1
      kind: View
      metadata: {name: prod}
      spec:
        include: [tag=prod]
      ---
      apiVersion: pdm-gitops/v1
      kind: View
      metadata: {name: west}
      spec:
        include: [remote=dc-west]
      """;

  @TempDir Path repo;
  private final StringBuilder access = new StringBuilder();
  private int rules;

  // --- 1. a user's rules are their own plus their groups' ---

  @Test
  void aUserHasTheirOwnRulesAndThoseOfEveryGroupListingThem() {
    users(ALICE, BOB);
    declareGroup("east-ops", ALICE);
    declareGroup("west-ops", ALICE);
    grant(user(ALICE), "Audit", "/system");
    grant(group("east-ops"), "Manage", "/remotes/dc-east");
    grant(group("west-ops"), "Admin", "/remotes/dc-west");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.system())).contains(Role.AUDIT);
    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, WEST)).contains(Role.ADMIN);
    assertThat(policy.roleAt(BOB, EAST)).isEmpty();
    assertThat(policy.roleAt(BOB, AccessPath.system())).isEmpty();
  }

  // --- 1b. groups a realm reports at login ---

  private static final String CORP_LDAP =
      """
      apiVersion: pdm-gitops/v1
      kind: Realm
      metadata: {name: corp}
      spec: {type: ldap, server1: ldap.example, baseDn: "dc=example,dc=org", userAttr: uid}
      ---
      """;

  private static final String SSO =
      """
      apiVersion: pdm-gitops/v1
      kind: Realm
      metadata: {name: sso}
      spec: {type: openid, issuerUrl: "https://id.example", clientId: pdm}
      ---
      """;

  @Test
  void aRealmGroupMapsItsMembersIntoTheGroupWithoutAUserDocument() {
    access.append(CORP_LDAP).append(SSO);
    access.append(
        """
        apiVersion: pdm-gitops/v1
        kind: Group
        metadata: {name: east-ops}
        spec:
          realmGroups:
            - {realm: corp, name: "cn=Ops, ou=Groups,dc=example,dc=org"}
            - {realm: sso, name: pdm-ops}
        ---
        """);
    grant(group("east-ops"), "Manage", "/remotes/dc-east");

    AccessPolicy policy = policy();

    Caller carol =
        Caller.withRealmGroups("carol@corp", Set.of("cn=ops,ou=groups,dc=example,dc=org"));
    assertThat(policy.isActive(carol)).as("admitted through the group").isTrue();
    assertThat(policy.roleAt(carol, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(carol, WEST)).isEmpty();
    assertThat(policy.groupsOf(carol)).containsExactly("east-ops");
    assertThat(policy.roleAt(Caller.withRealmGroups("dan@sso", Set.of("pdm-ops")), EAST))
        .contains(Role.MANAGE);
    assertThat(policy.isActive(Caller.withRealmGroups("dan@sso", Set.of("PDM-OPS"))))
        .as("a claim value compares exactly")
        .isFalse();
    assertThat(policy.isActive(Caller.withRealmGroups("eve@corp", Set.of("cn=ops,ou=groups"))))
        .as("another group of the same realm")
        .isFalse();
    assertThat(
            policy.roleAt(
                Caller.withRealmGroups("mallory@pdm", Set.of("cn=ops,ou=groups,dc=example,dc=org")),
                EAST))
        .as("a realm group counts only for users of that realm")
        .isEmpty();
    assertThat(policy.isActive(Caller.user("carol@corp"))).as("without the group").isFalse();
  }

  @Test
  void aDisabledUserStaysOutWhateverTheirRealmGroupsSay() {
    access.append(CORP_LDAP);
    declareUser("carol@corp", "enabled: false");
    access.append(
        """
        apiVersion: pdm-gitops/v1
        kind: Group
        metadata: {name: admins}
        spec:
          realmGroups: [{realm: corp, name: admins}]
        ---
        """);
    grant(group("admins"), "Admin", "/");

    AccessPolicy policy = policy();

    Caller carol = Caller.withRealmGroups("carol@corp", Set.of("admins"));
    assertThat(policy.isActive(carol)).isFalse();
    assertThat(policy.roleAt(carol, AccessPath.ROOT)).isEmpty();
    assertThat(policy.admins()).as("a realm group is no standing Admin").isEmpty();
  }

  @Test
  void aDeclaredUserGetsTheirOwnRulesAndThoseOfTheirRealmGroups() {
    access.append(CORP_LDAP);
    declareUser("carol@corp");
    access.append(
        """
        apiVersion: pdm-gitops/v1
        kind: Group
        metadata: {name: west-ops}
        spec:
          realmGroups: [{realm: corp, name: west}]
        ---
        """);
    grant(user("carol@corp"), "Audit", "/remotes/dc-east");
    grant(group("west-ops"), "Admin", "/remotes/dc-west");

    AccessPolicy policy = policy();

    Caller carol = Caller.withRealmGroups("carol@corp", Set.of("WEST"));
    assertThat(policy.roleAt(carol, EAST)).contains(Role.AUDIT);
    assertThat(policy.roleAt(carol, WEST)).contains(Role.ADMIN);
    assertThat(policy.canSee(carol, WEST_DB)).isTrue();
    assertThat(policy.roleAt("carol@corp", WEST)).as("without the group").isEmpty();
  }

  @Test
  void anOpenIdRealmWithAutocreateAdmitsAnyoneWithNoRole() {
    access.append(
        """
        apiVersion: pdm-gitops/v1
        kind: Realm
        metadata: {name: sso}
        spec: {type: openid, issuerUrl: "https://id.example", clientId: pdm, autocreate: true}
        ---
        """);
    users(ALICE);

    AccessPolicy policy = policy();

    assertThat(policy.isActive(Caller.user("zoe@sso"))).isTrue();
    assertThat(policy.seesAnything(Caller.user("zoe@sso"))).isFalse();
    assertThat(policy.isActive(Caller.user("zoe@pdm"))).isFalse();
  }

  // --- 2. inheritance and what / and /remotes cover ---

  @Test
  void aRuleCoversEverythingBelowItsPath() {
    users(ALICE);
    grant(user(ALICE), "Manage", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, AccessPath.node("dc-east", "pve-1"))).contains(Role.MANAGE);
    assertThat(policy.canSee(ALICE, Rows.storage("dc-east", "pve-1", "local"))).isTrue();
    assertThat(policy.roleAt(ALICE, WEST)).isEmpty();
    assertThat(policy.roleAt(ALICE, AccessPath.remotes())).isEmpty();
    assertThat(policy.roleAt(ALICE, AccessPath.ROOT)).isEmpty();
  }

  @Test
  void rootCoversEverythingAndRemotesEveryRemote() {
    users(ALICE, BOB);
    grant(user(ALICE), "Audit", "/");
    grant(user(BOB), "Audit", "/remotes");

    AccessPolicy policy = policy();

    for (AccessPath path :
        List.of(
            AccessPath.system(),
            AccessPath.access(),
            AccessPath.view("prod"),
            AccessPath.group("east-operators"),
            AccessPath.guest("dc-west", 200))) {
      assertThat(policy.roleAt(ALICE, path)).as(path.toString()).contains(Role.AUDIT);
    }
    assertThat(policy.canSee(BOB, Rows.datastore("pbs-main", "store1"))).isTrue();
    assertThat(policy.canSee(BOB, WEST_NODE)).isTrue();
    assertThat(policy.roleAt(BOB, AccessPath.system())).isEmpty();
    assertThat(policy.roleAt(BOB, AccessPath.view("prod"))).isEmpty();
  }

  // --- 3. the deepest path with a rule decides ---

  @Test
  void aDeeperRuleReplacesAnInheritedOneEvenWhenItGrantsLess() {
    users(ALICE);
    grant(user(ALICE), "Admin", "/remotes");
    grant(user(ALICE), "Audit", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.AUDIT);
    assertThat(policy.allows(ALICE, AccessPath.guest("dc-east", 100), Permission.OPERATE))
        .isFalse();
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-west", 200))).contains(Role.ADMIN);
    assertThat(policy.roleAt(ALICE, AccessPath.remotes())).contains(Role.ADMIN);
  }

  @Test
  void aDeeperGroupRuleBeatsAHigherRuleOfTheUserAbove() {
    users(ALICE);
    declareGroup("ops", ALICE);
    grant(user(ALICE), "Admin", "/remotes/dc-east");
    grant(group("ops"), "Audit", "/remotes/dc-east/guests/100");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.AUDIT);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 101))).contains(Role.ADMIN);
  }

  @Test
  void aRuleOnAllGuestsOfARemoteSitsBetweenTheRemoteAndEachGuest() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/remotes/dc-east");
    grant(user(ALICE), "Manage", "/remotes/dc-east/guests");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, AccessPath.node("dc-east", "pve-1"))).contains(Role.AUDIT);
  }

  // --- 4. propagate: false ---

  @Test
  void aRuleThatDoesNotPropagateAppliesAtExactlyItsPath() {
    users(ALICE);
    grantHere(user(ALICE), "Manage", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).isEmpty();
    assertThat(policy.canSee(ALICE, node("dc-east", "pve-1"))).isFalse();
  }

  @Test
  void belowARuleThatDoesNotPropagateTheRuleAboveItAppliesAgain() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/");
    grantHere(user(ALICE), "Admin", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.ADMIN);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.AUDIT);
  }

  // --- 5. at one path: the user's own rules over their groups', then the highest role ---

  @Test
  void atTheSamePathTheUsersOwnRuleWinsOverAGroupRuleEvenWhenLower() {
    users(ALICE, BOB);
    declareGroup("ops", ALICE, BOB);
    grant(group("ops"), "Admin", "/remotes/dc-east");
    grant(user(ALICE), "Audit", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.AUDIT);
    assertThat(policy.roleAt(BOB, AccessPath.guest("dc-east", 100))).contains(Role.ADMIN);
  }

  @Test
  void amongSeveralRulesAtOnePathTheHighestRoleWins() {
    users(ALICE, BOB);
    declareGroup("readers", ALICE);
    declareGroup("operators", ALICE);
    grant(group("readers"), "Audit", "/remotes/dc-east");
    grant(group("operators"), "Manage", "/remotes/dc-east");
    grant(user(BOB), "Admin", "/remotes/dc-west");
    grant(user(BOB), "Audit", "/remotes/dc-west");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(BOB, WEST)).contains(Role.ADMIN);
  }

  @Test
  void aRuleThatDoesNotPropagateTakesNoPartBelowItsPathAmongSeveral() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/remotes/dc-east");
    grantHere(user(ALICE), "Admin", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.ADMIN);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.AUDIT);
  }

  // --- tokens ---

  static final String HASH = "sha256:" + "ab".repeat(32);

  @Test
  void aTokenActsWithItsUsersRolesAndANarrowedOneOnlyWithinItsPath() {
    declareUser(
        ALICE,
        "tokens:",
        "  - {name: ci, secretHash: \"" + HASH + "\"}",
        "  - {name: east, secretHash: \"" + HASH + "\", path: /remotes/dc-east}");
    grant(user(ALICE), "Manage", "/");

    AccessPolicy policy = policy();

    Caller ci = policy.activeToken("alice@pdm!ci").orElseThrow().caller();
    Caller east = policy.activeToken("alice@pdm!east").orElseThrow().caller();
    assertThat(policy.activeToken("alice@pdm!ci").orElseThrow().secretHash()).isEqualTo(HASH);
    assertThat(policy.roleAt(ci, WEST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(east, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(east, WEST)).isEmpty();
    assertThat(policy.canSee(east, EAST_WEB)).isTrue();
    assertThat(policy.canSee(east, WEST_DB)).isFalse();
    assertThat(policy.activeToken("alice@pdm!other")).isEmpty();
    assertThat(policy.activeToken("bob@pdm!ci")).isEmpty();
  }

  @Test
  void aTokenEndsAtItsExpiryAndWithItsUser() {
    declareUser(
        ALICE,
        "expire: \"2026-07-01\"",
        "tokens:",
        "  - {name: ci, secretHash: \"" + HASH + "\", expire: \"2026-06-01T13:00:00Z\"}",
        "  - {name: long, secretHash: \"" + HASH + "\"}");
    declareUser(BOB, "enabled: false", "tokens: [{name: ci, secretHash: \"" + HASH + "\"}]");
    grant(user(ALICE), "Audit", "/");
    grant(user(BOB), "Audit", "/");

    assertThat(policyAt(Instant.parse("2026-06-01T12:59:59Z")).activeToken("alice@pdm!ci"))
        .isPresent();
    assertThat(policyAt(Instant.parse("2026-06-01T13:00:00Z")).activeToken("alice@pdm!ci"))
        .isEmpty();
    assertThat(policyAt(Instant.parse("2026-06-30T00:00:00Z")).activeToken("alice@pdm!long"))
        .isPresent();
    assertThat(policyAt(Instant.parse("2026-07-01T00:00:00Z")).activeToken("alice@pdm!long"))
        .as("the user's expiry ends their tokens too")
        .isEmpty();
    assertThat(policy().activeToken("bob@pdm!ci")).as("a disabled user's token").isEmpty();
  }

  // --- 6. only active, declared users ---

  @Test
  void aDisabledUserHasNoRole() {
    users(BOB);
    declareUser(ALICE, "enabled: false");
    grant(user(ALICE), "Admin", "/");
    grant(user(BOB), "Audit", "/");

    AccessPolicy policy = policy();

    assertThat(policy.isActive(ALICE)).isFalse();
    assertThat(policy.roleAt(ALICE, AccessPath.ROOT)).isEmpty();
    assertThat(policy.canSee(ALICE, EAST_WEB)).isFalse();
    assertThat(policy.seesAnything(ALICE)).isFalse();
    assertThat(policy.roleAt(BOB, AccessPath.ROOT)).contains(Role.AUDIT);
  }

  @Test
  void anExpiredUserHasNoRoleFromTheFirstInstantOfTheExpiryDate() {
    declareUser(ALICE, "expire: \"2026-06-01\"");
    grant(user(ALICE), "Admin", "/");

    assertThat(policyAt(Instant.parse("2026-05-31T23:59:59Z")).roleAt(ALICE, AccessPath.ROOT))
        .contains(Role.ADMIN);
    assertThat(policyAt(Instant.parse("2026-06-01T00:00:00Z")).roleAt(ALICE, AccessPath.ROOT))
        .isEmpty();
  }

  @Test
  void anExpiryTimeIsExact() {
    declareUser(ALICE, "expire: \"2026-06-01T14:00:00+02:00\"");
    grant(user(ALICE), "Audit", "/");

    assertThat(policyAt(Instant.parse("2026-06-01T11:59:59Z")).isActive(ALICE)).isTrue();
    assertThat(policyAt(Instant.parse("2026-06-01T12:00:00Z")).isActive(ALICE)).isFalse();
  }

  @Test
  void theClockIsReadAtEachQueryNotWhenThePolicyIsBuilt() {
    declareUser(ALICE, "expire: \"2026-06-02\"");
    grant(user(ALICE), "Audit", "/");
    DesiredState state = load();
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    AccessPolicy policy = AccessPolicy.of(state, clock);
    assertThat(policy.isActive(ALICE)).isTrue();

    now.set(Instant.parse("2026-06-02T00:00:00Z"));

    assertThat(policy.isActive(ALICE)).isFalse();
  }

  @Test
  void anUndeclaredUserHasNoRoleNotEvenRootAtPam() {
    users(ALICE);
    grant(user("root@pam"), "Admin", "/");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt("root@pam", AccessPath.ROOT)).isEmpty();
    assertThat(policy.roleAt("mallory@pdm", AccessPath.ROOT)).isEmpty();
    assertThat(policy.seesAnything("mallory@pdm")).isFalse();
    assertThat(policy.hasAdminOnRoot()).isFalse();
  }

  // --- 7. view capability ---

  @Test
  void aRoleOnAViewShowsWhatTheViewMatchesReadOnly() {
    users(ALICE);
    grant(user(ALICE), "Admin", "/views/prod");

    AccessPolicy policy = policy();
    Caller alice = Caller.user(ALICE);

    assertThat(policy.canSee(alice, EAST_WEB)).isTrue();
    assertThat(policy.canSee(alice, WEST_DB)).isTrue();
    assertThat(policy.allows(alice, EAST_WEB, Permission.READ)).isTrue();
    assertThat(policy.allows(alice, EAST_WEB, Permission.OPERATE)).isFalse();
    assertThat(policy.allows(alice, EAST_WEB, Permission.CONFIGURE)).isFalse();
    assertThat(policy.canSee(alice, EAST_LAB)).isFalse();
    assertThat(policy.canSee(alice, WEST_NODE)).isFalse();
    // the resource's own path is still out of reach: only the row is visible
    assertThat(policy.roleAt(alice, AccessPath.of(EAST_WEB))).isEmpty();
  }

  @Test
  void aRoleOnAViewOpensThatViewAndNoOther() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/views/prod");

    AccessPolicy policy = policy();

    assertThat(policy.allows(ALICE, AccessPath.view("prod"), Permission.READ)).isTrue();
    assertThat(policy.allows(ALICE, AccessPath.view("west"), Permission.READ)).isFalse();
    assertThat(policy.viewsFor(Caller.user(ALICE))).containsExactly("prod");
  }

  @Test
  void aViewRoleInheritedFromViewsCountsForEveryView() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/views");

    AccessPolicy policy = policy();

    assertThat(policy.viewsFor(Caller.user(ALICE))).containsExactly("prod", "west");
    assertThat(policy.canSee(ALICE, WEST_NODE)).isTrue();
    assertThat(policy.canSee(ALICE, EAST_LAB)).isFalse();
  }

  @Test
  void aViewRuleThatDoesNotPropagateStillCountsAtTheViewItself() {
    users(ALICE);
    grantHere(user(ALICE), "Audit", "/views/west");

    assertThat(policy().canSee(ALICE, WEST_NODE)).isTrue();
  }

  @Test
  void aViewGrantsNothingToADisabledUser() {
    declareUser(ALICE, "enabled: false");
    grant(user(ALICE), "Audit", "/views/prod");

    AccessPolicy policy = policy();

    assertThat(policy.canSee(ALICE, EAST_WEB)).isFalse();
    assertThat(policy.viewsFor(Caller.user(ALICE))).isEmpty();
  }

  @Test
  void aViewAddsReadToAPathRoleAndNeverTakesAnythingAway() {
    users(ALICE);
    grant(user(ALICE), "Manage", "/remotes/dc-east");
    grant(user(ALICE), "Audit", "/views/prod");

    AccessPolicy policy = policy();

    assertThat(policy.allows(Caller.user(ALICE), EAST_WEB, Permission.OPERATE)).isTrue();
    assertThat(policy.allows(Caller.user(ALICE), WEST_DB, Permission.OPERATE)).isFalse();
    assertThat(policy.canSee(ALICE, WEST_DB)).isTrue();
  }

  // --- 8. tokens ---

  @Test
  void aNarrowedTokenHasItsUsersRoleInsideItsPathAndNothingOutside() {
    users(ALICE);
    grant(user(ALICE), "Manage", "/remotes");
    grant(user(ALICE), "Audit", "/system");

    AccessPolicy policy = policy();
    Caller token = Caller.narrowed(ALICE, EAST);

    assertThat(policy.roleAt(token, AccessPath.guest("dc-east", 100))).contains(Role.MANAGE);
    assertThat(policy.roleAt(token, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(token, AccessPath.guest("dc-west", 200))).isEmpty();
    assertThat(policy.roleAt(token, AccessPath.remotes())).isEmpty();
    assertThat(policy.roleAt(token, AccessPath.system())).isEmpty();
    assertThat(policy.canSee(token, WEST_NODE)).isFalse();
  }

  @Test
  void aTokenNeverHasMoreThanItsUser() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/remotes/dc-east");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(Caller.narrowed(ALICE, AccessPath.ROOT), EAST)).contains(Role.AUDIT);
    assertThat(policy.allows(Caller.narrowed(ALICE, EAST), EAST, Permission.OPERATE)).isFalse();
    assertThat(policy.roleAt(Caller.narrowed(ALICE, WEST), WEST)).isEmpty();
  }

  @Test
  void aNarrowedTokenSeesThroughAViewOnlyWhenTheViewIsWithinItsPath() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/views/prod");

    AccessPolicy policy = policy();

    assertThat(policy.canSee(Caller.narrowed(ALICE, AccessPath.view("prod")), WEST_DB)).isTrue();
    assertThat(policy.canSee(Caller.narrowed(ALICE, AccessPath.views()), WEST_DB)).isTrue();
    assertThat(policy.canSee(Caller.narrowed(ALICE, WEST), WEST_DB)).isFalse();
    assertThat(policy.viewsFor(Caller.narrowed(ALICE, AccessPath.view("west")))).isEmpty();
  }

  @Test
  void aTokenOfADisabledUserHasNothing() {
    declareUser(ALICE, "enabled: false");
    grant(user(ALICE), "Admin", "/");

    assertThat(policy().roleAt(Caller.narrowed(ALICE, EAST), EAST)).isEmpty();
  }

  // --- 8b. remote groups ---

  @Test
  void aRoleOnARemoteGroupReachesEveryMemberRemoteAndNoOther() {
    users(ALICE);
    remoteGroup("east-site", "dc-east: pool-ops", "pbs-main");
    grant(user(ALICE), "Manage", "/groups/east-site");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100))).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, AccessPath.remote("pbs-main"))).contains(Role.MANAGE);
    assertThat(policy.roleAt(ALICE, WEST)).isEmpty();
    assertThat(policy.roleAt(ALICE, AccessPath.remotes())).as("not the list of all").isEmpty();
    assertThat(policy.canSee(ALICE, EAST_WEB)).isTrue();
    assertThat(policy.canSee(ALICE, WEST_DB)).isFalse();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.remotes())).isTrue();
    assertThat(policy.seesAnythingUnder(ALICE, WEST)).isFalse();
  }

  @Test
  void aRequestOnlyTheGroupAllowsGoesWithTheTokenTheGroupNames() {
    users(ALICE, BOB);
    remoteGroup("east-site", "dc-east: pool-ops", "pbs-main");
    grant(user(ALICE), "Audit", "/");
    grant(user(ALICE), "Manage", "/groups/east-site");
    grant(user(BOB), "Admin", "/remotes/dc-east");

    AccessPolicy policy = policy();
    AccessPath guest = AccessPath.guest("dc-east", 100);

    assertThat(policy.tokenFor(Caller.user(ALICE), guest, Permission.READ))
        .as("her own Audit on / allows reading: the remote's default token")
        .contains(RemoteToken.DEFAULT);
    assertThat(policy.tokenFor(Caller.user(ALICE), guest, Permission.OPERATE))
        .as("only the group allows operating: the group's token")
        .contains(RemoteToken.through("east-site", Optional.of("pool-ops")));
    assertThat(
            policy.tokenFor(Caller.user(ALICE), AccessPath.remote("pbs-main"), Permission.OPERATE))
        .as("a member without a token: the remote's default, still through the group")
        .contains(RemoteToken.through("east-site", Optional.empty()));
    assertThat(policy.tokenFor(Caller.user(ALICE), guest, Permission.CONFIGURE)).isEmpty();
    assertThat(policy.tokenFor(Caller.user(ALICE), AccessPath.system(), Permission.READ))
        .as("no remote, no token")
        .isEmpty();
    assertThat(policy.tokenFor(Caller.user(BOB), guest, Permission.CONFIGURE))
        .contains(RemoteToken.DEFAULT);
  }

  @Test
  void theHigherOfThePathsRoleAndTheGroupsRoleCounts() {
    users(ALICE);
    remoteGroup("east-site", "dc-east");
    grant(user(ALICE), "Admin", "/remotes/dc-east");
    grant(user(ALICE), "Audit", "/remotes/dc-east/guests/100");
    grant(user(ALICE), "Manage", "/groups/east-site");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(ALICE, EAST)).contains(Role.ADMIN);
    assertThat(policy.roleAt(ALICE, AccessPath.guest("dc-east", 100)))
        .as("the deeper Audit rule replaces Admin on the path; the group still gives Manage")
        .contains(Role.MANAGE);
  }

  @Test
  void aNarrowedTokenReachesThroughAGroupOnlyWhenNarrowedToIt() {
    users(ALICE);
    remoteGroup("east-site", "dc-east: pool-ops");
    grant(user(ALICE), "Manage", "/groups/east-site");

    AccessPolicy policy = policy();

    assertThat(policy.roleAt(Caller.narrowed(ALICE, AccessPath.group("east-site")), EAST))
        .contains(Role.MANAGE);
    assertThat(policy.roleAt(Caller.narrowed(ALICE, EAST), EAST))
        .as("narrowed to the remote, the group's path is out of reach")
        .isEmpty();
    assertThat(policy.roleAt(Caller.narrowed(ALICE, AccessPath.group("other")), EAST)).isEmpty();
  }

  // --- 9. menus ---

  @Test
  void seesAnythingUnderCountsARoleAtThePathOrARuleBelowIt() {
    users(ALICE, BOB);
    grant(user(ALICE), "Audit", "/remotes/dc-east/guests/100");

    AccessPolicy policy = policy();

    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.remotes())).isTrue();
    assertThat(policy.seesAnythingUnder(ALICE, EAST)).isTrue();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.guest("dc-east", 100))).isTrue();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.guest("dc-east", 101))).isFalse();
    assertThat(policy.seesAnythingUnder(ALICE, WEST)).isFalse();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.views())).isFalse();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.system())).isFalse();
    assertThat(policy.seesAnything(ALICE)).isTrue();
    assertThat(policy.seesAnything(BOB)).isFalse();
  }

  @Test
  void aViewOnlyUserSeesSomethingUnderViewsOnly() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/views/prod");

    AccessPolicy policy = policy();

    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.views())).isTrue();
    assertThat(policy.seesAnythingUnder(ALICE, AccessPath.remotes())).isFalse();
    assertThat(policy.seesAnything(ALICE)).isTrue();
  }

  @Test
  void seesAnythingUnderHonoursANarrowedToken() {
    users(ALICE);
    grant(user(ALICE), "Audit", "/remotes/dc-east/guests/100");
    grant(user(ALICE), "Audit", "/system");

    AccessPolicy policy = policy();

    assertThat(policy.seesAnythingUnder(Caller.narrowed(ALICE, EAST), AccessPath.remotes()))
        .isTrue();
    assertThat(policy.seesAnythingUnder(Caller.narrowed(ALICE, WEST), AccessPath.remotes()))
        .isFalse();
    assertThat(policy.seesAnythingUnder(Caller.narrowed(ALICE, EAST), AccessPath.system()))
        .isFalse();
    assertThat(policy.seesAnything(Caller.narrowed(ALICE, AccessPath.system()))).isTrue();
    assertThat(policy.seesAnything(Caller.narrowed(ALICE, AccessPath.views()))).isFalse();
  }

  // --- 10. the bootstrap question ---

  @Test
  void adminsAreTheActiveUsersWithAdminOnRoot() {
    users(ALICE, BOB, "carol@pdm", "dave@pdm");
    declareUser("erin@pdm", "enabled: false");
    declareGroup("admins", "dave@pdm");
    grant(user(ALICE), "Admin", "/");
    grant(user(BOB), "Admin", "/remotes");
    grant(user("carol@pdm"), "Manage", "/");
    grant(group("admins"), "Admin", "/");
    grant(user("erin@pdm"), "Admin", "/");

    AccessPolicy policy = policy();

    assertThat(policy.admins()).containsExactly(ALICE, "dave@pdm");
    assertThat(policy.hasAdminOnRoot()).isTrue();
  }

  @Test
  void withoutAnAdminOnRootTheBootstrapCredentialStaysValid() {
    users(ALICE);
    grant(user(ALICE), "Manage", "/");
    grant(user(ALICE), "Admin", "/remotes");

    assertThat(policy().hasAdminOnRoot()).isFalse();
    assertThat(AccessPolicy.of(DesiredState.empty(), Clock.systemUTC()).hasAdminOnRoot()).isFalse();
  }

  @Test
  void aHandBuiltSnapshotWithABadPathNamesTheRule() {
    AccessRule rule =
        new AccessRule(
            ObjectMeta.named("bad-rule"),
            new AccessRule.Spec(
                new AccessRule.Subject(Optional.of(ALICE), Optional.empty()),
                Role.AUDIT,
                "/resource/dc-east",
                Optional.empty()));
    DesiredState state = DesiredState.of(List.<DesiredObject>of(rule), Map.of());

    assertThatThrownBy(() -> AccessPolicy.of(state, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AccessRule/bad-rule")
        .hasMessageContaining("/resource/dc-east");
  }

  // --- building the repository ---

  private void users(String... ids) {
    for (String id : ids) {
      declareUser(id);
    }
  }

  private void declareUser(String id, String... specLines) {
    String[] parts = id.split("@");
    access
        .append("apiVersion: pdm-gitops/v1\nkind: User\nmetadata: {name: ")
        .append(parts[0])
        .append("}\nspec:\n  realm: ")
        .append(parts[1])
        .append('\n');
    for (String line : specLines) {
      access.append("  ").append(line).append('\n');
    }
    access.append("---\n");
  }

  private void declareGroup(String name, String... members) {
    access
        .append("apiVersion: pdm-gitops/v1\nkind: Group\nmetadata: {name: ")
        .append(name)
        .append("}\nspec:\n  members: [")
        .append(String.join(", ", members))
        .append("]\n---\n");
  }

  /** Members as "remote" or "remote: token". */
  private void remoteGroup(String name, String... members) {
    access
        .append("apiVersion: pdm-gitops/v1\nkind: RemoteGroup\nmetadata: {name: ")
        .append(name)
        .append("}\nspec:\n  members:\n");
    for (String member : members) {
      String[] parts = member.split(": ");
      access.append("    - remote: ").append(parts[0]).append('\n');
      if (parts.length > 1) {
        access.append("      token: ").append(parts[1]).append('\n');
      }
    }
    access.append("---\n");
  }

  private static String user(String id) {
    return "{user: " + id + "}";
  }

  private static String group(String name) {
    return "{group: " + name + "}";
  }

  private void grant(String subject, String role, String path) {
    rule(subject, role, path, true);
  }

  private void grantHere(String subject, String role, String path) {
    rule(subject, role, path, false);
  }

  private void rule(String subject, String role, String path, boolean propagate) {
    access
        .append("apiVersion: pdm-gitops/v1\nkind: AccessRule\nmetadata: {name: rule-")
        .append(++rules)
        .append("}\nspec:\n  subject: ")
        .append(subject)
        .append("\n  role: ")
        .append(role)
        .append("\n  path: ")
        .append(path)
        .append('\n');
    if (!propagate) {
      access.append("  propagate: false\n");
    }
    access.append("---\n");
  }

  private AccessPolicy policy() {
    return policyAt(NOW);
  }

  private AccessPolicy policyAt(Instant now) {
    return AccessPolicy.of(load(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private DesiredState load() {
    try {
      Files.writeString(repo.resolve("fleet.yaml"), FLEET);
      Files.writeString(repo.resolve("access.yaml"), access.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoadResult result = new DesiredStateLoader().load(repo);
    assertThat(result.problems()).noneMatch(Problem::isError);
    return result.state().orElseThrow();
  }
}
