package io.pdmgitops.controller.security.openid;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.OpenIdRealmSpec;
import io.pdmgitops.model.desired.RealmType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OpenIdIdentityTest {
  static OpenIdRealmSpec realm(Optional<String> usernameClaim, Optional<String> groupsClaim) {
    return new OpenIdRealmSpec(
        RealmType.OPENID,
        Optional.empty(),
        Optional.empty(),
        "https://id.example",
        "pdm-gitops",
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        usernameClaim,
        groupsClaim);
  }

  @Test
  void theUserIdIsTheUsernameClaimAtTheRealm() {
    var who =
        OpenIdIdentity.of(
            "sso",
            realm(Optional.of("preferred_username"), Optional.of("groups")),
            Map.of("sub", "f81d4fae", "preferred_username", "olga", "groups", List.of("a", "b")));

    assertThat(who).isPresent();
    assertThat(who.get().userId()).isEqualTo("olga@sso");
    assertThat(who.get().realmGroups()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void subIsTheDefaultAndNoGroupsClaimMeansNoGroups() {
    var who =
        OpenIdIdentity.of(
            "sso",
            realm(Optional.empty(), Optional.empty()),
            Map.of("sub", "f81d4fae", "groups", "x"));

    assertThat(who.get().userId()).isEqualTo("f81d4fae@sso");
    assertThat(who.get().realmGroups()).isEmpty();
  }

  @Test
  void aMissingOrUnusableNameMakesNoIdentity() {
    OpenIdRealmSpec byName = realm(Optional.of("preferred_username"), Optional.empty());

    assertThat(OpenIdIdentity.of("sso", byName, Map.of("sub", "x"))).isEmpty();
    assertThat(OpenIdIdentity.of("sso", byName, Map.of("preferred_username", 42))).isEmpty();
    assertThat(OpenIdIdentity.of("sso", byName, Map.of("preferred_username", "a b"))).isEmpty();
    assertThat(OpenIdIdentity.of("sso", byName, Map.of("preferred_username", "ad!min")))
        .as("a token id separator")
        .isEmpty();
    assertThat(OpenIdIdentity.of("sso", byName, Map.of("preferred_username", "x".repeat(65))))
        .isEmpty();
  }

  @Test
  void aSingleGroupCountsAndALongListIsCut() {
    OpenIdRealmSpec spec = realm(Optional.empty(), Optional.of("groups"));
    List<Object> many =
        IntStream.range(0, 300)
            .mapToObj(i -> (Object) ("g" + i))
            .collect(java.util.stream.Collectors.toList());
    many.add(7);

    assertThat(
            OpenIdIdentity.of("sso", spec, Map.of("sub", "a", "groups", "ops")).get().realmGroups())
        .containsExactly("ops");
    assertThat(
            OpenIdIdentity.of("sso", spec, Map.of("sub", "a", "groups", many)).get().realmGroups())
        .hasSize(OpenIdIdentity.MAX_GROUPS);
  }
}
