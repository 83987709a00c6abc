package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Map;

/**
 * An RRD history in columns, ready for a chart: one time axis and, per data source (cpu, maxcpu,
 * mem, maxmem, netin, netout, ...), one value per time or null where the bucket has none.
 *
 * @param time seconds since the epoch
 */
public record RrdSeries(String timeframe, List<Long> time, Map<String, List<Double>> series) {
  public RrdSeries {
    time = List.copyOf(time);
    series = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(series));
  }
}
