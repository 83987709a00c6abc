package io.pdmgitops.model.desired;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of desired-state documents, each with its JSON Schema in {@code src-schemas/}. */
public enum Kind {
  /** A PVE cluster or a PBS instance. */
  REMOTE("Remote", "remote.schema.json"),
  /** A VM or container whose power and placement are managed. */
  GUEST("Guest", "guest.schema.json"),
  /** A custom dashboard with filter rules and a widget layout. */
  VIEW("View", "view.schema.json"),
  /** A person who may log in. */
  USER("User", "user.schema.json"),
  /** A named set of users. */
  GROUP("Group", "group.schema.json"),
  /** A role granted to a user or group on a path. */
  ACCESS_RULE("AccessRule", "access-rule.schema.json"),
  /** An authentication domain. */
  REALM("Realm", "realm.schema.json"),
  /** Remotes grouped for access, each with the token its members' requests use. */
  REMOTE_GROUP("RemoteGroup", "remote-group.schema.json");

  private final String kindName;
  private final String schemaFile;

  Kind(String kindName, String schemaFile) {
    this.kindName = kindName;
    this.schemaFile = schemaFile;
  }

  /** The name as written in YAML ({@code kind: Remote}). */
  public String kindName() {
    return kindName;
  }

  /** File name of the kind's schema, in {@code src-schemas/} and in the model jar. */
  public String schemaFile() {
    return schemaFile;
  }

  public static Optional<Kind> fromKindName(String name) {
    return Arrays.stream(values()).filter(k -> k.kindName.equals(name)).findFirst();
  }

  public static List<String> kindNames() {
    return Arrays.stream(values()).map(Kind::kindName).toList();
  }
}
