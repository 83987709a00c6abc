package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** {@code GET /nodes/{node}/apt/repositories}: the configured sources and the standard ones. */
public record AptRepositories(
    Optional<String> digest,
    List<SourceFile> files,
    List<Info> infos,
    @JsonProperty("standard-repos") List<StandardRepository> standardRepos) {
  public AptRepositories {
    files = files == null ? List.of() : List.copyOf(files);
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

  /** A warning or note about a repository. */
  public record Info(String path, Optional<String> kind, String message) {}

  /** enterprise, no-subscription, test: whether each is configured (status absent = not). */
  public record StandardRepository(String handle, String name, Optional<Boolean> status) {}
}
