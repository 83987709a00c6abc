package io.pdmgitops.webui.fleet;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.SearchQuery;
import io.pdmgitops.model.fleet.SearchSyntaxException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request for a page of the resource table: a search in PDM's syntax, a sort column and
 * direction, a page and a page size (bounded, so a response stays small however big the fleet).
 */
public record ResourceQuery(
    String text,
    Map<String, String> filters,
    SearchQuery search,
    SortColumn sort,
    boolean descending,
    int page,
    int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  /**
   * The column filters: each is one more required term ({@code +type:qemu}) on top of the search,
   * so the table's filter row and the search box speak the same language.
   */
  public static final List<String> FILTERS =
      List.of("type", "remote", "node", "status", "sync", "health");

  public ResourceQuery {
    filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  /**
   * From query parameters ({@code search}, the column filters, {@code sort}, {@code dir}, {@code
   * page}, {@code size}).
   */
  public static ResourceQuery from(Function<String, Optional<String>> parameter) {
    String text = parameter.apply("search").orElse("").strip();
    Map<String, String> filters = new LinkedHashMap<>();
    StringBuilder effective = new StringBuilder(text);
    for (String column : FILTERS) {
      Optional<String> value = parameter.apply(column).map(String::strip).filter(v -> !v.isEmpty());
      if (value.isEmpty()) {
        continue;
      }
      if (!value.get().matches("[^\\s\"':+]+")) {
        throw new BadQueryException(
            column,
            column
                + " filters by one word without spaces, quotes, colons or plus signs, not '"
                + value.get()
                + "'");
      }
      filters.put(column, value.get());
      effective.append(" +").append(column).append(':').append(value.get());
    }
    SearchQuery search;
    try {
      search = SearchQuery.parse(effective.toString().strip());
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
    int page = QueryNumbers.wholeNumber("page", parameter.apply("page"), 1, 1, Integer.MAX_VALUE);
    int size = QueryNumbers.wholeNumber("size", parameter.apply("size"), DEFAULT_SIZE, 1, MAX_SIZE);
    return new ResourceQuery(text, filters, search, sort, dir.equals("desc"), page, size);
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
    Map<String, String> out = new LinkedHashMap<>(filters);
    out.put("search", text);
    out.put("sort", sort.wire());
    out.put("dir", descending ? "desc" : "asc");
    out.put("page", String.valueOf(otherPage));
    out.put("size", String.valueOf(size));
    return out;
  }
}
