package io.pdmgitops.reconcilers.pve;

/**
 * The {@code timeframe} of an rrddata call. How many points come back, and how far apart, depends
 * on the PVE version (pve-cluster {@code src/PVE/RRD.pm}): up to 8.x the {@code pve2-*} files give
 * 70 points for every timeframe; 9.x keeps finer series with more points. Callers must not assume a
 * count.
 */
public enum Timeframe {
  /** PVE 8: 70 points a minute apart; PVE 9: 60 points a minute apart. */
  HOUR,
  /** PVE 8: 70 points half an hour apart; PVE 9: 1,440 points a minute apart. */
  DAY,
  /** PVE 8: 70 points three hours apart; PVE 9: 336 points half an hour apart. */
  WEEK,
  /** PVE 8: 70 points twelve hours apart; PVE 9: 1,440 points half an hour apart. */
  MONTH,
  /** PVE 8: 70 points a week apart; PVE 9: 1,440 points six hours apart. */
  YEAR;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
