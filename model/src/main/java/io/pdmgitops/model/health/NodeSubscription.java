package io.pdmgitops.model.health;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A PVE node's subscription as {@code GET /nodes/{node}/subscription} reports it.
 *
 * @param status {@code new, notfound, active, invalid, expired, suspended}, any case (PVE before
 *     7.3 capitalised it)
 * @param level {@code c} community, {@code b} basic, {@code s} standard, {@code p} premium; only
 *     for an active key
 */
public record NodeSubscription(
    String node, String status, Optional<String> level, Optional<LocalDate> nextDueDate) {
  public NodeSubscription {
    Objects.requireNonNull(node, "node");
    status = status.toLowerCase(Locale.ROOT);
    level = level == null ? Optional.empty() : level;
    nextDueDate = nextDueDate == null ? Optional.empty() : nextDueDate;
  }

  /** The level as PVE's UI names it, or the status for a node without an active key. */
  public String shown() {
    if (!status.equals("active")) {
      return status.equals("notfound") ? "none" : status;
    }
    return switch (level.orElse("")) {
      case "c" -> "Community";
      case "b" -> "Basic";
      case "s" -> "Standard";
      case "p" -> "Premium";
      default -> "active";
    };
  }
}
