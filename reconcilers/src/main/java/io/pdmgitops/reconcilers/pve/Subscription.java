package io.pdmgitops.reconcilers.pve;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /nodes/{node}/subscription}. The status was capitalised before PVE 7.3 ("NotFound"),
 * so {@link #isActive()} compares case-insensitively.
 */
public record Subscription(
    String status,
    Optional<String> message,
    Optional<String> level,
    Optional<String> productname,
    Optional<String> nextduedate,
    Optional<String> serverid) {

  /** new, notfound, active, invalid, expired or suspended, lower-case whatever the version. */
  public String normalisedStatus() {
    return status.toLowerCase(Locale.ROOT);
  }

  public boolean isActive() {
    return normalisedStatus().equals("active");
  }
}
