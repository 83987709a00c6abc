package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/** The type-specific part of a realm, chosen by {@code spec.type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = LocalRealmSpec.class, name = "pdm"),
  @JsonSubTypes.Type(
      value = DirectoryRealmSpec.class,
      names = {"ldap", "ad"}),
  @JsonSubTypes.Type(value = OpenIdRealmSpec.class, name = "openid")
})
public sealed interface RealmSpec permits LocalRealmSpec, DirectoryRealmSpec, OpenIdRealmSpec {
  RealmType type();

  Optional<String> comment();

  /** Whether the login page preselects this realm. */
  Optional<Boolean> isDefault();
}
