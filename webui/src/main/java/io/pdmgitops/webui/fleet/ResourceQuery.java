package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.SearchQuery;
import io.pdmgitops.model.fleet.SearchSyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request for a page of the resource table: a search in PDM's syntax, a sort column and
 * direction, a page and a page size (bounded, so a response stays small however big the fleet).
 */
public record ResourceQuery(
    String text, SearchQuery search, SortColumn sort, boolean descending, int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  /**
   * From query parameters ({@code search}, {@code sort}, {@code dir}, {@code page}, {@code size}).
   */
  public static ResourceQuery from(Function<String, Optional<String>> parameter) {
    String text = parameter.apply("search").orElse("").strip();
    SearchQuery search;
    try {
      search = SearchQuery.parse(text);
    } catch (SearchSyntaxException e) {
      throw new BadQueryException("search", e.getMessage());
    }
    String sortName = parameter.apply("sort").orElse("name");
    SortColumn sort =
        SortColumn.fromWire(sortName)
            .orElseThrow(
                () ->
                    new BadQueryException(
                        "sort",
                        "cannot sort by '" + sortName + "'; use one of: " + SortColumn.names()));
    String dir = parameter.apply("dir").orElse("asc");
    if (!dir.equals("asc") && !dir.equals("desc")) {
      throw new BadQueryException("dir", "dir is asc or desc, not '" + dir + "'");
    }
    int page = number(parameter, "page", 1, 1, Integer.MAX_VALUE);
    int size = number(parameter, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    return new ResourceQuery(text, search, sort, dir.equals("desc"), page, size);
  }

  private static int number(
      Function<String, Optional<String>> parameter, String name, int fallback, int min, int max) {
    Optional<String> raw = parameter.apply(name);
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

  /** Runs the query on a snapshot; unknown views in the search are a bad query too. */
  public ResourcePage run(FleetSnapshot snapshot) {
    for (String view : search.viewNames()) {
      if (snapshot.view(view).isEmpty()) {
        throw new BadQueryException(
            "search",
            "no view named '"
                + view
                + "'; views are: "
                + String.join(", ", snapshot.views().keySet().stream().sorted().toList()));
      }
    }
    Comparator<FleetResource> order = descending ? sort.order().reversed() : sort.order();
    List<FleetResource> matched =
        snapshot.resources().stream()
            .filter(r -> search.matches(r, snapshot::view))
            .sorted(order)
            .toList();
    int from = (int) Math.min((long) (page - 1) * size, matched.size());
    int to = Math.min(from + size, matched.size());
    return new ResourcePage(
        matched.size(), page, size, List.copyOf(matched.subList(from, to)), snapshot.observedAt());
  }

  /** The parameters of the same query at another page, for links. */
  public Map<String, String> parameters(int otherPage) {
    return Map.of(
        "search", text,
        "sort", sort.wire(),
        "dir", descending ? "desc" : "asc",
        "page", String.valueOf(otherPage),
        "size", String.valueOf(size));
  }
}
