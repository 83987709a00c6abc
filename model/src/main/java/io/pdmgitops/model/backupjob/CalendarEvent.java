package io.pdmgitops.model.backupjob;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a schedule the way PVE parses it (proxmox-time's calendar events, a subset of systemd's):
 * optional weekdays, an optional date, an optional time, or one of the named shorthands. Only the
 * syntax is checked; the point is a clear error in Git before PVE refuses the job.
 */
public final class CalendarEvent {
  private static final Set<String> SHORTHANDS =
      Set.of(
          "minutely",
          "hourly",
          "daily",
          "weekly",
          "monthly",
          "yearly",
          "annually",
          "quarterly",
          "semiannually",
          "semi-annually");

  private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
  private static final Pattern WEEKDAYS =
      Pattern.compile("^" + DAY + "(\\.\\." + DAY + ")?(," + DAY + "(\\.\\." + DAY + ")?)*$");

  /** One calendar component: {@code *}, a number, a range {@code a..b}, lists, repetitions. */
  private static final String PART = "(\\*|[0-9]{1,4}(\\.\\.[0-9]{1,4})?)(/[0-9]{1,4})?";

  private static final String COMPONENT = PART + "(," + PART + ")*";
  private static final Pattern DATE =
      Pattern.compile("^(" + COMPONENT + "-)?" + COMPONENT + "-" + COMPONENT + "$");
  private static final Pattern TIME =
      Pattern.compile("^" + COMPONENT + "(:" + COMPONENT + "){0,2}$");

  private CalendarEvent() {}

  /** Why PVE would not take this schedule, if it would not. */
  public static Optional<String> problem(String event) {
    String text = event.strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Optional.of("the calendar event is empty");
    }
    if (SHORTHANDS.contains(text)) {
      return Optional.empty();
    }
    String[] tokens = text.split("\\s+");
    if (tokens.length > 3) {
      return Optional.of("too many parts: at most weekdays, a date and a time");
    }
    int i = 0;
    if (WEEKDAYS.matcher(tokens[i]).matches()) {
      i++;
    }
    if (i < tokens.length && tokens[i].contains("-")) {
      if (!DATE.matcher(tokens[i]).matches() || !dateInRange(tokens[i])) {
        return Optional.of("cannot read the date '" + tokens[i] + "' (like 2026-*-01 or *-12-24)");
      }
      i++;
    }
    if (i < tokens.length) {
      if (!TIME.matcher(tokens[i]).matches()) {
        return Optional.of(
            "cannot read '" + tokens[i] + "' as weekdays, a date or a time (like 02:30 or *:0/15)");
      }
      if (!inRange(tokens[i])) {
        return Optional.of(
            "the time '" + tokens[i] + "' is out of range (hours 0-23, minutes 0-59)");
      }
      i++;
    }
    if (i < tokens.length || i == 0) {
      return Optional.of("cannot read '" + tokens[Math.min(i, tokens.length - 1)] + "'");
    }
    return Optional.empty();
  }

  /** Months 1-12 and days 1-31, where given as plain numbers (a year is any number). */
  private static boolean dateInRange(String date) {
    String[] parts = date.split("-");
    int[][] bounds =
        parts.length == 3
            ? new int[][] {{0, 9999}, {1, 12}, {1, 31}}
            : new int[][] {{1, 12}, {1, 31}};
    for (int p = 0; p < parts.length; p++) {
      for (String number : parts[p].split("[^0-9]+")) {
        if (!number.isEmpty() && !parts[p].contains("/")) {
          int n = Integer.parseInt(number);
          if (n < bounds[p][0] || n > bounds[p][1]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Hours below 24, minutes and seconds below 60, where given as plain numbers. */
  private static boolean inRange(String time) {
    String[] parts = time.split(":");
    int[] max = {23, 59, 59};
    for (int p = 0; p < parts.length; p++) {
      for (String number : parts[p].split("[^0-9]+")) {
        if (!number.isEmpty() && Integer.parseInt(number) > max[p] && !parts[p].contains("/")) {
          return false;
        }
      }
    }
    return true;
  }
}
