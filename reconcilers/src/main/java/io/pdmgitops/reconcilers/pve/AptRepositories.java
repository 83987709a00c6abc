package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** {@code GET /nodes/{node}/apt/repositories}: the configured sources and the standard ones. */
public record AptRepositories(
    Optional<String> digest,
    List<SourceFile> files,
    List<FileError> errors,
    List<Info> infos,
    @JsonProperty("standard-repos") List<StandardRepository> standardRepos) {
  public AptRepositories {
    files = files == null ? List.of() : List.copyOf(files);
    errors = errors == null ? List.of() : List.copyOf(errors);
    infos = infos == null ? List.of() : List.copyOf(infos);
    standardRepos = standardRepos == null ? List.of() : List.copyOf(standardRepos);
  }

  /** One sources file and its entries. */
  public record SourceFile(String path, List<Repository> repositories) {
    public SourceFile {
      repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }
  }

  /** One entry of a sources file. */
  public record Repository(
      @JsonProperty("URIs") List<String> uris,
      @JsonProperty("Suites") List<String> suites,
      @JsonProperty("Components") List<String> components,
      @JsonProperty("Enabled") Optional<Boolean> enabled) {}

  /** A sources file apt could not parse. */
  public record FileError(String path, String error) {}

  /**
   * proxmox-apt's note about one repository: {@code kind} origin (the message is the archive's
   * origin), warning (about its {@code property}, e.g. an old suite) or ignore-pre-upgrade-warning.
   *
   * @param index the repository's place in its file (a number, though PVE's schema says string)
   */
  public record Info(
      String path,
      Optional<Integer> index,
      Optional<String> property,
      Optional<String> kind,
      String message) {}

  /** enterprise, no-subscription, test: whether each is configured (status absent = not). */
  public record StandardRepository(String handle, String name, Optional<Boolean> status) {}
}
