package io.pdmgitops.model.desired;

/**
 * What every desired-state kind has in common. Not sealed: a kind is added in its own package and
 * registered in {@link Kind}, with no list of kinds to extend here.
 */
public interface DesiredObject {
  Kind kind();

  ObjectMeta metadata();

  /** The name other documents use to refer to this object (a user's is {@code name@realm}). */
  default String identity() {
    return metadata().name();
  }
}
