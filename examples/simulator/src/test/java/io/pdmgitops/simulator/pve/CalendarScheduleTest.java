package io.pdmgitops.simulator.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When backup schedules fire, minute by minute, as proxmox-time reads them. */
class CalendarScheduleTest {
  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    // 2026-12-03 is a Thursday
    "21:30, 2026-12-03T21:30:00Z, true",
    "21:30, 2026-12-03T21:31:00Z, false",
    "'mon..fri 22:00', 2026-12-03T22:00:00Z, true",
    "'mon..fri 22:00', 2026-12-05T22:00:00Z, false",
    "'sat,sun 01:00', 2026-12-06T01:00:00Z, true",
    "'*:0/15', 2026-12-03T10:45:00Z, true",
    "'*:0/15', 2026-12-03T10:50:00Z, false",
    "'2,14:00', 2026-12-03T14:00:00Z, true",
    "'8..18/2:00', 2026-12-03T12:00:00Z, true",
    "'8..18/2:00', 2026-12-03T13:00:00Z, false",
    "hourly, 2026-12-03T13:00:00Z, true",
    "hourly, 2026-12-03T13:01:00Z, false",
    "daily, 2026-12-03T00:00:00Z, true",
    "weekly, 2026-12-07T00:00:00Z, true",
    "weekly, 2026-12-03T00:00:00Z, false",
    "monthly, 2026-12-01T00:00:00Z, true",
    "'*-*-01 03:00', 2026-12-01T03:00:00Z, true",
    "'*-12-24', 2026-12-24T00:00:00Z, true",
    "'fri', 2026-12-04T00:00:00Z, true",
    "minutely, 2026-12-03T10:17:00Z, true",
  })
  void fires(String event, String minute, boolean fires) {
    assertThat(CalendarSchedule.parse(event))
        .hasValueSatisfying(
            s -> assertThat(s.firesAt(ZonedDateTime.parse(minute))).isEqualTo(fires));
  }

  @ParameterizedTest
  @CsvSource({"'every night'", "'25:61 extra words here'"})
  void textPveWouldRefuseIsNotRead(String event) {
    assertThat(CalendarSchedule.parse(event)).isEmpty();
  }
}
