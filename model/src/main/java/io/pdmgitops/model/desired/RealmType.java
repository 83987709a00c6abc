package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of authentication domain. */
public enum RealmType {
  /** Local users with password hashes kept in Git. */
  PDM("pdm"),
  /** An LDAP directory. */
  LDAP("ldap"),
  /** Microsoft Active Directory. */
  AD("ad"),
  /** An OpenID Connect provider. */
  OPENID("openid");

  private final String wire;

  RealmType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
