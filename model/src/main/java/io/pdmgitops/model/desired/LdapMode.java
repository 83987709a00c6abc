package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Transport security of an LDAP connection. */
public enum LdapMode {
  /** Plain LDAP. */
  LDAP("ldap"),
  /** LDAP upgraded with STARTTLS. */
  LDAP_STARTTLS("ldap+starttls"),
  /** LDAP over TLS. */
  LDAPS("ldaps");

  private final String wire;

  LdapMode(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
