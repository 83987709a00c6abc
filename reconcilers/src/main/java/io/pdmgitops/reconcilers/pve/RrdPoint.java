package io.pdmgitops.reconcilers.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One point of an RRD series: its time and the data sources present in that bucket (a stopped
 * guest's points carry only the max values; missing sources are absent, not zero).
 */
public record RrdPoint(long time, Map<String, Double> values) {
  public RrdPoint {
    values = Map.copyOf(values);
  }

  public Optional<Double> value(String source) {
    return Optional.ofNullable(values.get(source));
  }

  static RrdPoint of(JsonNode point) {
    Map<String, Double> values = new LinkedHashMap<>();
    point
        .properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("time") && e.getValue().isValueNode()) {
                String text = e.getValue().asString();
                try {
                  values.put(e.getKey(), Double.parseDouble(text));
                } catch (NumberFormatException ignored) {
                  // Not a number (never seen on real servers): left out rather than guessed.
                }
              }
            });
    return new RrdPoint(point.path("time").asLong(), values);
  }
}
