package io.pdmgitops.model.health;

import io.pdmgitops.model.access.AccessPath;
import java.util.Objects;
import java.util.Optional;

/**
 * One health finding: which rule found it, how urgent, on what, why, and what to do.
 *
 * @param rule a stable id to filter by, e.g. {@code subscription-expired}
 * @param node the node it concerns; empty for the remote as a whole
 */
public record Finding(
    String rule, Severity severity, String remote, Optional<String> node, String why, String fix) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remote, "remote");
    node = node == null ? Optional.empty() : node;
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** The path whose read permission shows the finding: its node's, else its remote's. */
  public AccessPath path() {
    return node.map(n -> AccessPath.node(remote, n)).orElse(AccessPath.remote(remote));
  }
}
