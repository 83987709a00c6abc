package io.pdmgitops.model.access;

import io.pdmgitops.model.desired.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Whether a User may act at all.
 *
 * @param expiresAt the first instant the account is no longer valid; a date means its start in UTC,
 *     so "expire: 2027-06-30" makes June 30 the first day without access, as PVE's date picker
 *     does. An expiry that does not parse (only possible for a hand-built snapshot: the loader
 *     rejects it) counts as already passed.
 */
record Account(boolean enabled, Optional<Instant> expiresAt) {
  static Account of(User user) {
    boolean enabled = user.spec().enabled().orElse(true);
    return new Account(enabled, user.spec().expire().map(Account::expiry));
  }

  static Instant expiry(String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  boolean activeAt(Instant now) {
    return enabled && expiresAt.map(now::isBefore).orElse(true);
  }
}
