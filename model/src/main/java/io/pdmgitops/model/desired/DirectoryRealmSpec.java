package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An LDAP directory or Active Directory (type ldap or ad); the field names follow PDM's {@code
 * domains.cfg}. The bind password is a reference, never the password.
 */
public record DirectoryRealmSpec(
    RealmType type,
    Optional<String> comment,
    @JsonProperty("default") Optional<Boolean> isDefault,
    String server1,
    Optional<String> server2,
    Optional<Integer> port,
    Optional<LdapMode> mode,
    Optional<Boolean> verify,
    Optional<String> capath,
    Optional<String> baseDn,
    Optional<String> userAttr,
    Optional<String> bindDn,
    Optional<SecretRef> bindPassword,
    Optional<String> filter,
    List<String> userClasses,
    Optional<String> groupDn,
    Optional<String> groupFilter,
    List<String> groupClasses,
    Optional<String> groupNameAttr,
    Optional<SyncAttributes> syncAttributes)
    implements RealmSpec {
  public DirectoryRealmSpec {
    Objects.requireNonNull(type, "type");
    if (type != RealmType.LDAP && type != RealmType.AD) {
      throw new IllegalArgumentException("a directory realm is ldap or ad, not " + type.wire());
    }
    Objects.requireNonNull(server1, "server1");
    comment = comment == null ? Optional.empty() : comment;
    isDefault = isDefault == null ? Optional.empty() : isDefault;
    server2 = server2 == null ? Optional.empty() : server2;
    port = port == null ? Optional.empty() : port;
    mode = mode == null ? Optional.empty() : mode;
    verify = verify == null ? Optional.empty() : verify;
    capath = capath == null ? Optional.empty() : capath;
    baseDn = baseDn == null ? Optional.empty() : baseDn;
    userAttr = userAttr == null ? Optional.empty() : userAttr;
    bindDn = bindDn == null ? Optional.empty() : bindDn;
    bindPassword = bindPassword == null ? Optional.empty() : bindPassword;
    filter = filter == null ? Optional.empty() : filter;
    userClasses = userClasses == null ? List.of() : List.copyOf(userClasses);
    groupDn = groupDn == null ? Optional.empty() : groupDn;
    groupFilter = groupFilter == null ? Optional.empty() : groupFilter;
    groupClasses = groupClasses == null ? List.of() : List.copyOf(groupClasses);
    groupNameAttr = groupNameAttr == null ? Optional.empty() : groupNameAttr;
    syncAttributes = syncAttributes == null ? Optional.empty() : syncAttributes;
  }

  /** Which LDAP attributes fill a user's fields on sync. */
  public record SyncAttributes(
      Optional<String> email, Optional<String> firstName, Optional<String> lastName) {}
}
