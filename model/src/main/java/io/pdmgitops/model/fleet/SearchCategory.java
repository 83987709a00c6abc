package io.pdmgitops.model.fleet;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code category:} of a search term. The first ten are PDM's; {@code sync}, {@code health},
 * {@code tag}, {@code node} and {@code pool} are ours, for what only a GitOps controller knows and
 * for what admins filter by most.
 */
public enum SearchCategory {
  TYPE("type"),
  NAME("name"),
  ID("id"),
  REMOTE("remote"),
  STATUS("status"),
  TEMPLATE("template"),
  REMOTE_TYPE("remote-type"),
  PROPERTY("property"),
  VIEW("view"),
  SYNC("sync"),
  HEALTH("health"),
  TAG("tag"),
  NODE("node"),
  POOL("pool");

  private final String wire;

  SearchCategory(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<SearchCategory> fromWire(String value) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(SearchCategory::wire).collect(Collectors.joining(", "));
  }
}
