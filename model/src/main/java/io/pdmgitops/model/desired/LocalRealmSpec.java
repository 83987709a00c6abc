package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** PDM's local realm: users with password hashes in Git. */
public record LocalRealmSpec(
    RealmType type, Optional<String> comment, @JsonProperty("default") Optional<Boolean> isDefault)
    implements RealmSpec {
  public LocalRealmSpec {
    type = RealmType.PDM;
    comment = comment == null ? Optional.empty() : comment;
    isDefault = isDefault == null ? Optional.empty() : isDefault;
  }
}
