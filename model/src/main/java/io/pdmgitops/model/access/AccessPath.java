package io.pdmgitops.model.access;

import io.pdmgitops.model.fleet.FleetResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated ACL path: the one allow-list shared by the rules in Git and the checks in code, so a
 * path a handler asks about is always one a rule can name (PDM's checker and setter disagree).
 *
 * <pre>
 * /                                    everything
 * /remotes                             every remote
 * /remotes/{remote}                    a remote, its nodes, storages, datastores and guests
 * /remotes/{remote}/nodes/{node}       a node and its storages
 * /remotes/{remote}/guests             every guest of a remote (kept from the first schema)
 * /remotes/{remote}/guests/{vmid}      one guest
 * /views, /views/{view}                dashboards; a role on a view also shows what it matches
 * /groups, /groups/{remote-group}      remote groups
 * /system                              the controller itself
 * /access                              users, groups and rules
 * </pre>
 *
 * <p>A guest sits under {@code /remotes/{r}/guests}, not under its node: it moves between nodes,
 * and a rule should not change meaning when it does (PDM's {@code /resource/{r}/guest/{vmid}}
 * alike). Names follow the schemas' name pattern; vmids are PVE's 100 to 999999999.
 */
public final class AccessPath {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
  private static final String TOP = "/remotes, /views, /groups, /system or /access";

  public static final AccessPath ROOT = new AccessPath(List.of());

  private final List<String> segments;
  private final String text;
  private final AccessPath parent;

  /** Trusted: every caller has validated the segments. */
  private AccessPath(List<String> segments) {
    this.segments = List.copyOf(segments);
    this.text = "/" + String.join("/", segments);
    this.parent = segments.isEmpty() ? null : new AccessPath(parentSegments(segments));
  }

  /** One level up; a node's parent is its remote, as {@code /remotes/{r}/nodes} is no path. */
  private static List<String> parentSegments(List<String> segments) {
    int up = segments.size() == 4 && segments.get(2).equals("nodes") ? 2 : 1;
    return segments.subList(0, segments.size() - up);
  }

  /**
   * Parses a path as written in an AccessRule.
   *
   * @throws IllegalArgumentException naming the path, what is wrong and what would be right
   */
  public static AccessPath parse(String text) {
    Objects.requireNonNull(text, "path");
    if (!text.startsWith("/")) {
      throw bad(text, "it must start with '/'");
    }
    if (text.equals("/")) {
      return ROOT;
    }
    if (text.endsWith("/")) {
      throw bad(text, "it ends with '/'; write " + text.replaceAll("/+$", ""));
    }
    String[] parts = text.substring(1).split("/", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw bad(text, "it has an empty segment ('//')");
      }
    }
    return switch (parts[0]) {
      case "remotes" -> remotePath(text, parts);
      case "views" -> named(text, parts, "view");
      case "groups" -> named(text, parts, "remote group");
      case "system", "access" -> {
        if (parts.length > 1) {
          throw bad(text, "/" + parts[0] + " has no sub-paths");
        }
        yield new AccessPath(List.of(parts[0]));
      }
      case "resource" -> throw bad(text, "PDM's /resource is /remotes here");
      case "view" -> throw bad(text, "PDM's /view is /views here");
      default -> throw bad(text, "a path is / or starts with " + TOP);
    };
  }

  private static AccessPath remotePath(String text, String[] parts) {
    if (parts.length == 1) {
      return new AccessPath(List.of("remotes"));
    }
    String remote = name(text, parts[1], "remote");
    if (parts.length == 2) {
      return remote(remote);
    }
    switch (parts[2]) {
      case "guests" -> {
        if (parts.length == 3) {
          return guests(remote);
        }
        if (parts.length == 4 && VMID.matcher(parts[3]).matches()) {
          return new AccessPath(List.of("remotes", remote, "guests", parts[3]));
        }
        if (parts.length == 4) {
          throw bad(text, "'" + parts[3] + "' is not a vmid (a number from 100 to 999999999)");
        }
      }
      case "nodes" -> {
        if (parts.length == 3) {
          throw bad(text, "name a node: /remotes/" + remote + "/nodes/{node}");
        }
        if (parts.length == 4) {
          return node(remote, name(text, parts[3], "node"));
        }
      }
      default ->
          throw bad(
              text, "below /remotes/" + remote + " come /guests, /guests/{vmid} or /nodes/{node}");
    }
    throw bad(text, "it goes deeper than a guest or a node");
  }

  private static AccessPath named(String text, String[] parts, String what) {
    if (parts.length == 1) {
      return new AccessPath(List.of(parts[0]));
    }
    if (parts.length > 2) {
      throw bad(text, "/" + parts[0] + "/{name} has no sub-paths");
    }
    return new AccessPath(List.of(parts[0], name(text, parts[1], what)));
  }

  private static String name(String text, String name, String what) {
    if (!NAME.matcher(name).matches()) {
      throw bad(
          text,
          "'"
              + name
              + "' is not a valid "
              + what
              + " name (letters, digits, '.', '_', '-'; not starting with '.' or '-')");
    }
    return name;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("'" + text + "' is not a valid ACL path: " + why);
  }

  public static AccessPath remotes() {
    return new AccessPath(List.of("remotes"));
  }

  public static AccessPath remote(String remote) {
    return new AccessPath(List.of("remotes", checked(remote, "remote")));
  }

  public static AccessPath node(String remote, String node) {
    return new AccessPath(
        List.of("remotes", checked(remote, "remote"), "nodes", checked(node, "node")));
  }

  public static AccessPath guests(String remote) {
    return new AccessPath(List.of("remotes", checked(remote, "remote"), "guests"));
  }

  public static AccessPath guest(String remote, int vmid) {
    String id = Integer.toString(vmid);
    if (!VMID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "vmid " + vmid + " is not a guest's vmid (a number from 100 to 999999999)");
    }
    return new AccessPath(List.of("remotes", checked(remote, "remote"), "guests", id));
  }

  public static AccessPath views() {
    return new AccessPath(List.of("views"));
  }

  public static AccessPath view(String view) {
    return new AccessPath(List.of("views", checked(view, "view")));
  }

  public static AccessPath groups() {
    return new AccessPath(List.of("groups"));
  }

  public static AccessPath group(String remoteGroup) {
    return new AccessPath(List.of("groups", checked(remoteGroup, "remote group")));
  }

  public static AccessPath system() {
    return new AccessPath(List.of("system"));
  }

  public static AccessPath access() {
    return new AccessPath(List.of("access"));
  }

  /**
   * The path that guards a fleet table row: a guest's own path; a node's; a storage's node (its
   * remote when the row names no node); a datastore's or a remote's remote. PBS datastores have no
   * path of their own, as PDM's allow-list has none for them.
   */
  public static AccessPath of(FleetResource resource) {
    String remote = resource.remote();
    return switch (resource.type()) {
      case REMOTE, DATASTORE -> remote(remote);
      case NODE -> node(remote, resource.node().orElse(resource.name()));
      case QEMU, LXC ->
          guest(
              remote,
              resource
                  .vmid()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "guest row without a vmid: " + resource.id())));
      case STORAGE -> resource.node().map(n -> node(remote, n)).orElseGet(() -> remote(remote));
    };
  }

  private static String checked(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid "
              + what
              + " name in an ACL path (letters, digits, '.', '_', '-'; not starting with '.' or '-')");
    }
    return name;
  }

  /** The remote this path lies in ({@code /remotes/{remote}} and below); empty elsewhere. */
  public Optional<String> remote() {
    return segments.size() >= 2 && segments.get(0).equals("remotes")
        ? Optional.of(segments.get(1))
        : Optional.empty();
  }

  /** The path one level up; empty for {@code /}. */
  public Optional<AccessPath> parent() {
    return Optional.ofNullable(parent);
  }

  /** The paths above this one, from {@code /} down to the parent; empty for {@code /}. */
  public List<AccessPath> ancestors() {
    List<AccessPath> out = new ArrayList<>();
    for (AccessPath p = parent; p != null; p = p.parent) {
      out.add(0, p);
    }
    return List.copyOf(out);
  }

  /** {@link #ancestors()} and then this path: the order in which rules are inherited. */
  public List<AccessPath> fromRoot() {
    List<AccessPath> out = new ArrayList<>(ancestors());
    out.add(this);
    return List.copyOf(out);
  }

  /** Whether this path is {@code other} or below it: a propagating rule on other covers it. */
  public boolean isWithin(AccessPath other) {
    return segments.size() >= other.segments.size()
        && segments.subList(0, other.segments.size()).equals(other.segments);
  }

  /** The segments after {@code /}, e.g. [remotes, dc-east, guests, 100]. */
  public List<String> segments() {
    return segments;
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessPath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The path as written in YAML. */
  @Override
  public String toString() {
    return text;
  }
}
