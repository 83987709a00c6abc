package io.pdmgitops.model.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * One whitespace-separated term: {@code [+][category:]value}.
 *
 * @param required written with {@code +}: it must match; other terms are optional, and at least one
 *     of them must match when there are any
 * @param value lower-cased, except for view names and properties, which are exact
 * @param column 1-based position in the search text, for messages
 */
public record SearchTerm(
    boolean required, Optional<SearchCategory> category, String value, int column) {
  public SearchTerm {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(value, "value");
  }
}
