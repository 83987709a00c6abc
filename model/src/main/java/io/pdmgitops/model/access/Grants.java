package io.pdmgitops.model.access;

import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's rules indexed by path, and the walk that turns them into a role: from the asked path
 * up to {@code /}, the first path with a rule that applies decides. Only the rules the user reaches
 * are kept, so a lookup costs at most five map reads whatever the size of the policy.
 */
final class Grants {
  static final Grants NONE = new Grants(Map.of());

  private final Map<AccessPath, Level> byPath;

  private Grants(Map<AccessPath, Level> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  /** One rule, its path parsed once for every user it reaches. */
  record Rule(AccessPath path, Role role, boolean propagates) {
    /** A snapshot only holds valid paths; a bad one here was built by hand, and says which rule. */
    static Rule of(AccessRule rule) {
      try {
        return new Rule(
            AccessPath.parse(rule.spec().path()), rule.spec().role(), rule.spec().propagates());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "AccessRule/" + rule.metadata().name() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * @param direct rules that name the user
   * @param viaGroups rules that name a group the user is a member of
   */
  static Grants of(List<Rule> direct, List<Rule> viaGroups) {
    Map<AccessPath, Level> byPath = new HashMap<>();
    for (Rule rule : direct) {
      byPath.merge(rule.path(), Level.of(rule, true), Level::merge);
    }
    for (Rule rule : viaGroups) {
      byPath.merge(rule.path(), Level.of(rule, false), Level::merge);
    }
    return new Grants(byPath);
  }

  Optional<Role> roleAt(AccessPath path) {
    for (AccessPath at = path; at != null; at = at.parent().orElse(null)) {
      Level level = byPath.get(at);
      if (level != null) {
        Optional<Role> decided = level.decide(at.equals(path));
        if (decided.isPresent()) {
          return decided;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a rule sits strictly below the path: at its own path a rule always applies. */
  boolean anyRuleBelow(AccessPath path) {
    return byPath.keySet().stream().anyMatch(p -> !p.equals(path) && p.isWithin(path));
  }

  /**
   * The rules at one path, reduced to the highest role per kind of subject. Null means no such
   * rule; "here" counts every rule at the path, "below" only those that propagate.
   */
  private record Level(Role userHere, Role userBelow, Role groupHere, Role groupBelow) {
    static Level of(Rule rule, boolean direct) {
      Role role = rule.role();
      Role below = rule.propagates() ? role : null;
      return direct ? new Level(role, below, null, null) : new Level(null, null, role, below);
    }

    Level merge(Level other) {
      return new Level(
          max(userHere, other.userHere),
          max(userBelow, other.userBelow),
          max(groupHere, other.groupHere),
          max(groupBelow, other.groupBelow));
    }

    /** The user's own rules win over their groups' at the same path, as in PVE. */
    Optional<Role> decide(boolean exact) {
      Role user = exact ? userHere : userBelow;
      if (user != null) {
        return Optional.of(user);
      }
      return Optional.ofNullable(exact ? groupHere : groupBelow);
    }

    private static Role max(Role a, Role b) {
      if (a == null) {
        return b;
      }
      return b == null || a.compareTo(b) >= 0 ? a : b;
    }
  }
}
