package io.pdmgitops.webui.fleet;

import java.util.Optional;

/** Whole-number query parameters with bounds, and one wording for their errors. */
public final class QueryNumbers {
  private QueryNumbers() {}

  /** {@code fallback} when absent or blank; a {@link BadQueryException} when not in range. */
  public static int wholeNumber(String name, Optional<String> raw, int fallback, int min, int max) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get().strip());
      if (value < min || value > max) {
        throw new BadQueryException(
            name, name + " must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadQueryException(name, name + " must be a whole number, not '" + raw.get() + "'");
    }
  }
}
