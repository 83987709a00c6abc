package io.pdmgitops.model.health;

import io.pdmgitops.model.access.AccessPath;
import java.util.Objects;
import java.util.Optional;

/**
 * One health finding: which rule found it, how urgent, on what, why, and what to do.
 *
 * @param rule a stable id to filter by, e.g. {@code subscription-expired}
 * @param node the node it concerns; empty for the remote as a whole or a guest
 * @param guest the guest (VMID) it concerns
 */
public record Finding(
    String rule,
    Severity severity,
    String remote,
    Optional<String> node,
    String why,
    String fix,
    Optional<Integer> guest) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remote, "remote");
    node = node == null ? Optional.empty() : node;
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
    guest = guest == null ? Optional.empty() : guest;
  }

  /** A finding about a node or a remote as a whole. */
  public Finding(
      String rule,
      Severity severity,
      String remote,
      Optional<String> node,
      String why,
      String fix) {
    this(rule, severity, remote, node, why, fix, Optional.empty());
  }

  /** The path whose read permission shows the finding: its guest's, node's, else remote's. */
  public AccessPath path() {
    if (guest.isPresent()) {
      return AccessPath.guest(remote, guest.get());
    }
    return node.map(n -> AccessPath.node(remote, n)).orElse(AccessPath.remote(remote));
  }
}
