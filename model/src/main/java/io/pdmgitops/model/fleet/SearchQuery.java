package io.pdmgitops.model.fleet;

import io.pdmgitops.model.desired.RemoteType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PDM's search syntax (pdm-search): terms split on whitespace, each {@code [+][category:]value}. A
 * resource matches when every required ({@code +}) term matches and, if there are optional terms,
 * at least one of them does. {@code type} and {@code status} match by prefix; {@code name}, {@code
 * id}, {@code remote} and {@code node} by case-insensitive substring; a term without a category
 * matches the name or the id. An empty search matches everything.
 */
public final class SearchQuery {
  public static final int MAX_LENGTH = SearchText.MAX_LENGTH;

  public static final int MAX_TERMS = SearchText.MAX_TERMS;

  private static final Set<String> TRUE = Set.of("true", "yes", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "0");

  private final List<SearchTerm> terms;

  private SearchQuery(List<SearchTerm> terms) {
    this.terms = List.copyOf(terms);
  }

  public static SearchQuery all() {
    return new SearchQuery(List.of());
  }

  public List<SearchTerm> terms() {
    return terms;
  }

  /** Parses a search; bad input throws with the column and a way to write it. */
  public static SearchQuery parse(String text) {
    return new SearchQuery(SearchText.split(text).stream().map(SearchQuery::term).toList());
  }

  private static SearchTerm term(SearchText.Raw raw) {
    int column = raw.column();
    if (raw.category().isEmpty()) {
      return new SearchTerm(
          raw.required(), Optional.empty(), raw.value().toLowerCase(Locale.ROOT), column);
    }
    boolean required = raw.required();
    String name = raw.category().get();
    String value = raw.value();
    SearchCategory category =
        SearchCategory.fromWire(name)
            .orElseThrow(
                () ->
                    new SearchSyntaxException(
                        "unknown category '"
                            + name
                            + "' at column "
                            + column
                            + "; use one of: "
                            + SearchCategory.names(),
                        column));
    if (value.isEmpty()) {
      throw new SearchSyntaxException(
          "'" + name + ":' at column " + column + " needs a value, e.g. " + example(category),
          column);
    }
    String normalized =
        category == SearchCategory.VIEW || category == SearchCategory.PROPERTY
            ? value
            : value.toLowerCase(Locale.ROOT);
    check(category, normalized, column);
    return new SearchTerm(required, Optional.of(category), normalized, column);
  }

  private static void check(SearchCategory category, String value, int column) {
    switch (category) {
      case TYPE -> {
        if (Arrays.stream(ResourceType.values()).noneMatch(t -> t.wire().startsWith(value))) {
          throw new SearchSyntaxException(
              "no resource type starts with '"
                  + value
                  + "' (column "
                  + column
                  + "); types are "
                  + Arrays.stream(ResourceType.values())
                      .map(ResourceType::wire)
                      .collect(Collectors.joining(", ")),
              column);
        }
      }
      case TEMPLATE -> {
        if (!TRUE.contains(value) && !FALSE.contains(value)) {
          throw new SearchSyntaxException(
              "template: takes true or false, not '" + value + "' (column " + column + ")", column);
        }
      }
      case REMOTE_TYPE -> {
        if (!value.equals("pve") && !value.equals("pbs")) {
          throw new SearchSyntaxException(
              "remote-type: takes pve or pbs, not '" + value + "' (column " + column + ")", column);
        }
      }
      default -> {}
    }
  }

  private static String example(SearchCategory category) {
    return switch (category) {
      case TYPE -> "type:qemu";
      case STATUS -> "status:running";
      case TEMPLATE -> "template:false";
      case REMOTE_TYPE -> "remote-type:pbs";
      case PROPERTY -> "property:shared";
      case VIEW -> "view:production";
      case SYNC -> "sync:out-of-sync";
      case HEALTH -> "health:degraded";
      default -> category.wire() + ":web";
    };
  }

  /** The view names the search refers to, so a caller can reject unknown ones up front. */
  public List<String> viewNames() {
    return terms.stream()
        .filter(t -> t.category().equals(Optional.of(SearchCategory.VIEW)))
        .map(SearchTerm::value)
        .toList();
  }

  /**
   * Whether the resource matches.
   *
   * @param views the filter of each view by name; an unknown view matches nothing
   */
  public boolean matches(FleetResource r, Function<String, Optional<ViewFilter>> views) {
    return SearchText.matches(terms, SearchTerm::required, t -> matches(t, r, views));
  }

  private static boolean matches(
      SearchTerm term, FleetResource r, Function<String, Optional<ViewFilter>> views) {
    String v = term.value();
    if (term.category().isEmpty()) {
      return contains(r.name(), v) || contains(r.id(), v);
    }
    return switch (term.category().get()) {
      case TYPE -> r.type().wire().startsWith(v);
      case NAME -> contains(r.name(), v);
      case ID -> contains(r.id(), v);
      case REMOTE -> contains(r.remote(), v);
      case NODE -> r.node().map(n -> contains(n, v)).orElse(false);
      case STATUS -> r.status().toLowerCase(Locale.ROOT).startsWith(v);
      case TEMPLATE -> r.template() == TRUE.contains(v);
      case REMOTE_TYPE -> r.remoteType() == (v.equals("pbs") ? RemoteType.PBS : RemoteType.PVE);
      case PROPERTY -> r.properties().contains(v);
      case VIEW -> views.apply(v).map(f -> f.matches(r)).orElse(false);
      case SYNC -> r.sync().map(s -> letters(s.name()).startsWith(letters(v))).orElse(false);
      case HEALTH -> r.health().map(h -> letters(h.name()).startsWith(letters(v))).orElse(false);
      case TAG -> r.tags().stream().anyMatch(t -> t.equalsIgnoreCase(v));
      case POOL -> r.pool().map(p -> p.equalsIgnoreCase(v)).orElse(false);
    };
  }

  private static boolean contains(String text, String lowerNeedle) {
    return text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  /** "OUT_OF_SYNC", "out-of-sync" and "outofsync" all become "outofsync". */
  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  @Override
  public String toString() {
    return terms.stream()
        .map(
            t ->
                (t.required() ? "+" : "")
                    + t.category().map(c -> c.wire() + ":").orElse("")
                    + t.value())
        .collect(Collectors.joining(" "));
  }
}
