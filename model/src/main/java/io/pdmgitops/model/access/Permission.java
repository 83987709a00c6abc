package io.pdmgitops.model.access;

import io.pdmgitops.model.desired.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request needs, in the three steps of the original design: each role grants its own step
 * and every step below it (Audit ⊂ Manage ⊂ Admin).
 */
public enum Permission {
  /** See it: pages, lists, task logs, history. Audit and up. */
  READ(Role.AUDIT),
  /** Change its state, not its configuration: power, reboot, placement intents, task stop. */
  OPERATE(Role.MANAGE),
  /** Change what it is: configuration, desired-state files that concern it. Admin only. */
  CONFIGURE(Role.ADMIN);

  private final Role minimum;

  Permission(Role minimum) {
    this.minimum = minimum;
  }

  /** The least role that grants this permission. */
  public Role minimumRole() {
    return minimum;
  }

  /** Roles are ordered from least to most privileged, so a higher role grants everything lower. */
  public boolean grantedBy(Role role) {
    return role.compareTo(minimum) >= 0;
  }

  /** Everything a role grants. */
  public static Set<Permission> of(Role role) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    Arrays.stream(values()).filter(p -> p.grantedBy(role)).forEach(out::add);
    return Set.copyOf(out);
  }
}
