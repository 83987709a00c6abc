package io.pdmgitops.model.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's APT sources as {@code GET /nodes/{node}/apt/repositories} reports them.
 *
 * @param repositories every entry of every sources file, enabled or not
 * @param standard the standard repositories by handle ({@code enterprise}, {@code no-subscription},
 *     {@code test}, {@code ceph-...}): true enabled, false configured but disabled, absent not
 *     configured
 * @param notes proxmox-apt's warnings about entries (old or unstable suites, mixed suites before an
 *     upgrade)
 * @param errors sources files apt could not parse, with apt's words
 */
public record NodeRepositories(
    String node,
    List<Repository> repositories,
    Map<String, Boolean> standard,
    List<Note> notes,
    List<String> errors) {
  public NodeRepositories {
    Objects.requireNonNull(node, "node");
    repositories = List.copyOf(repositories);
    standard = Map.copyOf(standard);
    notes = List.copyOf(notes);
    errors = List.copyOf(errors);
  }

  /** One entry of a sources file. */
  public record Repository(
      String path,
      List<String> uris,
      List<String> suites,
      List<String> components,
      boolean enabled) {
    public Repository {
      uris = List.copyOf(uris);
      suites = List.copyOf(suites);
      components = List.copyOf(components);
    }

    /** {@code http://deb.debian.org/debian bookworm main contrib}. */
    public String shown() {
      return String.join(" ", uris)
          + " "
          + String.join(" ", suites)
          + " "
          + String.join(" ", components);
    }
  }

  /**
   * A proxmox-apt note about one entry.
   *
   * @param kind {@code warning} or {@code ignore-pre-upgrade-warning}
   * @param entry the entry it is about, when it names one
   */
  public record Note(String kind, String message, Optional<Repository> entry) {
    public Note {
      entry = entry == null ? Optional.empty() : entry;
    }
  }

  public boolean enabled(String handle) {
    return Boolean.TRUE.equals(standard.get(handle));
  }
}
