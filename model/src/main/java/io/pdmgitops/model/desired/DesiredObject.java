package io.pdmgitops.model.desired;

/** What every desired-state kind has in common. */
public sealed interface DesiredObject
    permits Remote, Guest, View, User, Group, AccessRule, Realm, RemoteGroup {
  Kind kind();

  ObjectMeta metadata();

  /** The name other documents use to refer to this object (a user's is {@code name@realm}). */
  default String identity() {
    return metadata().name();
  }
}
