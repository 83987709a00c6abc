package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An OpenID Connect provider; the client key is a reference, never the key. */
public record OpenIdRealmSpec(
    RealmType type,
    Optional<String> comment,
    @JsonProperty("default") Optional<Boolean> isDefault,
    String issuerUrl,
    String clientId,
    Optional<SecretRef> clientKey,
    List<String> scopes,
    List<String> acrValues,
    List<String> audiences,
    Optional<String> prompt,
    Optional<Boolean> autocreate,
    Optional<String> usernameClaim,
    Optional<String> groupsClaim)
    implements RealmSpec {
  public OpenIdRealmSpec {
    type = RealmType.OPENID;
    Objects.requireNonNull(issuerUrl, "issuerUrl");
    Objects.requireNonNull(clientId, "clientId");
    comment = comment == null ? Optional.empty() : comment;
    isDefault = isDefault == null ? Optional.empty() : isDefault;
    clientKey = clientKey == null ? Optional.empty() : clientKey;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    acrValues = acrValues == null ? List.of() : List.copyOf(acrValues);
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    prompt = prompt == null ? Optional.empty() : prompt;
    autocreate = autocreate == null ? Optional.empty() : autocreate;
    usernameClaim = usernameClaim == null ? Optional.empty() : usernameClaim;
    groupsClaim = groupsClaim == null ? Optional.empty() : groupsClaim;
  }
}
