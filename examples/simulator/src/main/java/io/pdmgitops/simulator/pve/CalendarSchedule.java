package io.pdmgitops.simulator.pve;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a backup job's calendar event fires, to the minute (proxmox-time's calendar events, the
 * subset PVE's backup jobs use): optional weekdays ({@code mon..fri}, {@code sat,sun}), an optional
 * date ({@code *-*-01}, {@code *-12-24}), an optional time ({@code 21:30}, {@code *:0/15}, {@code
 * 2,14:00}) defaulting to midnight, or a shorthand ({@code hourly}, {@code daily}, ...). Times are
 * the node's, which here is UTC. Seconds are ignored: jobs fire at the start of their minute.
 */
final class CalendarSchedule {
  private static final Map<String, String> SHORTHANDS =
      Map.of(
          "minutely", "*:*",
          "hourly", "*:00",
          "daily", "00:00",
          "weekly", "mon 00:00",
          "monthly", "*-*-01 00:00",
          "yearly", "*-01-01 00:00",
          "annually", "*-01-01 00:00",
          "quarterly", "*-01,04,07,10-01 00:00",
          "semiannually", "*-01,07-01 00:00",
          "semi-annually", "*-01,07-01 00:00");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private final boolean[] weekdays = new boolean[7];
  private final Field months;
  private final Field days;
  private final Field hours;
  private final Field minutes;

  private CalendarSchedule(
      boolean[] weekdays, Field months, Field days, Field hours, Field minutes) {
    System.arraycopy(weekdays, 0, this.weekdays, 0, 7);
    this.months = months;
    this.days = days;
    this.hours = hours;
    this.minutes = minutes;
  }

  /** The schedule, or empty for text the simulator cannot read (PVE's API refused it already). */
  static Optional<CalendarSchedule> parse(String event) {
    String text = event.strip().toLowerCase(Locale.ROOT);
    text = SHORTHANDS.getOrDefault(text, text);
    String[] tokens = text.split("\\s+");
    boolean[] weekdays = {true, true, true, true, true, true, true};
    Field months = Field.ANY;
    Field days = Field.ANY;
    Field hours = Field.of("0", 0, 23);
    Field minutes = Field.of("0", 0, 59);
    try {
      int i = 0;
      if (i < tokens.length && Character.isLetter(tokens[i].charAt(0))) {
        weekdays = weekdays(tokens[i++]);
      }
      if (i < tokens.length && tokens[i].contains("-")) {
        String[] date = tokens[i++].split("-");
        int m = date.length - 2;
        months = Field.of(date[m], 1, 12);
        days = Field.of(date[m + 1], 1, 31);
      }
      if (i < tokens.length) {
        String[] time = tokens[i++].split(":");
        hours = Field.of(time[0], 0, 23);
        minutes = time.length > 1 ? Field.of(time[1], 0, 59) : Field.of("0", 0, 59);
      }
      if (i != tokens.length) {
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new CalendarSchedule(weekdays, months, days, hours, minutes));
  }

  /** Whether the event fires in this minute (UTC). */
  boolean firesAt(ZonedDateTime minute) {
    ZonedDateTime t = minute.withZoneSameInstant(ZoneOffset.UTC);
    DayOfWeek day = t.getDayOfWeek();
    return weekdays[day.getValue() - 1]
        && months.matches(t.getMonthValue())
        && days.matches(t.getDayOfMonth())
        && hours.matches(t.getHour())
        && minutes.matches(t.getMinute());
  }

  private static boolean[] weekdays(String spec) {
    boolean[] out = new boolean[7];
    for (String part : spec.split(",")) {
      String[] range = part.split("\\.\\.");
      int from = day(range[0]);
      int to = range.length > 1 ? day(range[1]) : from;
      for (int d = from; ; d = (d + 1) % 7) {
        out[d] = true;
        if (d == to) {
          break;
        }
      }
    }
    return out;
  }

  private static int day(String name) {
    int d = DAYS.indexOf(name.substring(0, 3));
    if (d < 0) {
      throw new IllegalArgumentException(name);
    }
    return d;
  }

  /** One component: {@code *}, numbers, ranges {@code a..b}, repetitions {@code a/r}, lists. */
  private record Field(List<int[]> parts) {
    static final Field ANY = new Field(List.of(new int[] {0, Integer.MAX_VALUE, 1}));

    /** Each part as {from, to, step}. */
    static Field of(String spec, int min, int max) {
      List<int[]> parts = new ArrayList<>();
      for (String part : spec.split(",")) {
        String[] stepped = part.split("/");
        int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
        String base = stepped[0];
        int from;
        int to;
        if (base.equals("*")) {
          from = min;
          to = max;
        } else if (base.contains("..")) {
          String[] r = base.split("\\.\\.");
          from = Integer.parseInt(r[0]);
          to = Integer.parseInt(r[1]);
        } else {
          from = Integer.parseInt(base);
          to = stepped.length > 1 ? max : from;
        }
        parts.add(new int[] {from, to, Math.max(step, 1)});
      }
      return new Field(parts);
    }

    boolean matches(int value) {
      for (int[] p : parts) {
        if (value >= p[0] && value <= p[1] && (value - p[0]) % p[2] == 0) {
          return true;
        }
      }
      return false;
    }
  }
}
