package io.pdmgitops.model.backupjob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules PVE's calendar-event parser takes, and ones it refuses, with why. */
class CalendarEventTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "daily",
        "weekly",
        "21:30",
        "sun 01:00",
        "mon..fri 22:30",
        "sat,sun 03:15",
        "*-*-01 03:00",
        "2026-12-24 18:00",
        "*:0/15",
        "mon *:00",
        "hourly",
        "fri"
      })
  void schedulesPveReads(String schedule) {
    assertThat(CalendarEvent.problem(schedule)).as(schedule).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "every night|cannot read 'every'",
        "25:00|out of range",
        "12:61|out of range",
        "someday 01:00|cannot read 'someday'",
        "mon 01:00 extra more|too many parts",
        "2026-13|cannot read"
      })
  void schedulesPveRefuses(String schedule, String why) {
    assertThat(CalendarEvent.problem(schedule))
        .as(schedule)
        .hasValueSatisfying(p -> assertThat(p).contains(why));
  }
}
