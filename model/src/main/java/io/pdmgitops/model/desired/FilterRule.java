package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One view filter rule in PDM's syntax {@code [exact:]key=value}. Only exact matching exists, so
 * the prefix is optional and always written back.
 */
public record FilterRule(FilterKey key, String value) {
  private static final String EXACT = "exact:";

  public FilterRule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Parses a rule; the schema has already checked its shape, so failure is a programming error. */
  @JsonCreator
  public static FilterRule parse(String text) {
    String body = text.startsWith(EXACT) ? text.substring(EXACT.length()) : text;
    int eq = body.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("filter rule without '=': " + text);
    }
    FilterKey key =
        FilterKey.fromWire(body.substring(0, eq))
            .orElseThrow(() -> new IllegalArgumentException("unknown filter key in " + text));
    return new FilterRule(key, body.substring(eq + 1));
  }

  @JsonValue
  @Override
  public String toString() {
    return EXACT + key.wire() + "=" + value;
  }
}
