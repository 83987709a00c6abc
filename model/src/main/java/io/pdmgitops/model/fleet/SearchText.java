package io.pdmgitops.model.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * PDM's search text (pdm-search), before any category means something: terms split on whitespace,
 * each {@code [+][category:]value}, and how required and optional terms combine. The resource
 * search and the Health page's finding search give the categories their meaning.
 */
public final class SearchText {
  /** Longer searches are typing accidents or abuse; both get a clear error. */
  public static final int MAX_LENGTH = 1_000;

  public static final int MAX_TERMS = 32;

  private SearchText() {}

  /**
   * One term as written.
   *
   * @param category lower-cased; empty for a bare value
   * @param column 1-based, for errors
   */
  public record Raw(boolean required, Optional<String> category, String value, int column) {}

  /** The terms; bad input throws with the column and a way to write it. */
  public static List<Raw> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    if (text.length() > MAX_LENGTH) {
      throw new SearchSyntaxException(
          "the search is " + text.length() + " characters long; at most " + MAX_LENGTH, 1);
    }
    List<Raw> terms = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start < i) {
        terms.add(raw(text.substring(start, i), start + 1));
      }
    }
    if (terms.size() > MAX_TERMS) {
      throw new SearchSyntaxException(
          "the search has " + terms.size() + " terms; at most " + MAX_TERMS, 1);
    }
    return terms;
  }

  private static Raw raw(String text, int column) {
    boolean required = text.startsWith("+");
    String body = required ? text.substring(1) : text;
    int colon = body.indexOf(':');
    if (colon < 0) {
      if (body.isEmpty()) {
        throw new SearchSyntaxException(
            "'+' at column " + column + " needs a term after it", column);
      }
      return new Raw(required, Optional.empty(), body, column);
    }
    return new Raw(
        required,
        Optional.of(body.substring(0, colon).toLowerCase(Locale.ROOT)),
        body.substring(colon + 1),
        column);
  }

  /**
   * PDM's combination: every required term matches and, if there are optional terms, at least one
   * of them does. No term matches everything.
   */
  public static <T> boolean matches(List<T> terms, Predicate<T> required, Predicate<T> match) {
    boolean anyOptional = false;
    boolean optionalMatched = false;
    for (T term : terms) {
      boolean m = match.test(term);
      if (required.test(term)) {
        if (!m) {
          return false;
        }
      } else {
        anyOptional = true;
        optionalMatched |= m;
      }
    }
    return !anyOptional || optionalMatched;
  }
}
