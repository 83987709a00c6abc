package io.pdmgitops.simulator.config;

import java.util.Set;

/**
 * A node's subscription as {@code GET /nodes/{node}/subscription} reports it.
 *
 * @param status {@code new, notfound, active, invalid, expired, suspended} (pve-manager's enum)
 * @param level {@code c} community, {@code b} basic, {@code s} standard, {@code p} premium
 * @param nextDueDate {@code YYYY-MM-DD}; null for none
 * @param message the shop's or the check's text; null for none
 */
public record SubscriptionConfig(String status, String level, String nextDueDate, String message) {
  public static final Set<String> STATUSES =
      Set.of("new", "notfound", "active", "invalid", "expired", "suspended");
  private static final Set<String> LEVELS = Set.of("c", "b", "s", "p");

  public SubscriptionConfig {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "subscription status " + status + ": expected one of " + STATUSES);
    }
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("subscription level " + level + ": expected c, b, s or p");
    }
  }

  public static SubscriptionConfig none() {
    return new SubscriptionConfig("notfound", "c", null, null);
  }

  /** A status with the usual details: a due date in the past for expired keys, and so on. */
  public static SubscriptionConfig of(String status) {
    return new SubscriptionConfig(
        status,
        "c",
        status.equals("expired") ? "2024-12-31" : "2026-12-31",
        status.equals("invalid") ? "Invalid Server ID" : null);
  }

  public boolean hasKey() {
    return !status.equals("notfound");
  }
}
