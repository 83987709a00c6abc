package io.pdmgitops.webui.api;

import io.pdmgitops.webui.fleet.BadQueryException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The span of an RRD chart, with PVE's names. */
public enum Timeframe {
  HOUR,
  DAY,
  WEEK,
  MONTH,
  YEAR;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code timeframe} query parameter; an hour when absent. */
  public static Timeframe from(Optional<String> raw) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return HOUR;
    }
    for (Timeframe t : values()) {
      if (t.wire().equals(raw.get().strip().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new BadQueryException(
        "timeframe",
        "timeframe must be one of "
            + Arrays.stream(values()).map(Timeframe::wire).collect(Collectors.joining(", "))
            + ", not '"
            + raw.get()
            + "'");
  }
}
