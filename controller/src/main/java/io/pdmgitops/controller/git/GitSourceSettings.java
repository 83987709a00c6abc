package io.pdmgitops.controller.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the desired state lives and how to fetch it.
 *
 * @param url file://, https:// or ssh:// URL of the repository, without credentials
 * @param subdirectory the desired state's directory inside the repository, if not the root
 * @param httpsToken token for https remotes (used as the password), read from a secret reference
 * @param workDir where the controller keeps its clone
 * @param timeout bound of one clone or fetch
 */
public record GitSourceSettings(
    String url,
    String branch,
    Optional<String> subdirectory,
    Optional<String> httpsToken,
    Path workDir,
    Duration timeout) {

  /** A fetch that takes longer than this is abandoned. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public GitSourceSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(workDir, "workDir");
    subdirectory = subdirectory == null ? Optional.empty() : subdirectory;
    httpsToken = httpsToken == null ? Optional.empty() : httpsToken;
    if (subdirectory.isPresent()
        && (subdirectory.get().contains("..") || subdirectory.get().startsWith("/"))) {
      throw new IllegalArgumentException(
          "the subdirectory must be a relative path inside the repository");
    }
  }

  public static GitSourceSettings of(String url, String branch, Path workDir) {
    return new GitSourceSettings(
        url, branch, Optional.empty(), Optional.empty(), workDir, DEFAULT_TIMEOUT);
  }

  public GitSourceSettings withSubdirectory(String dir) {
    return new GitSourceSettings(url, branch, Optional.of(dir), httpsToken, workDir, timeout);
  }

  /** The URL for messages: any user info someone put in it is cut out. */
  public String redactedUrl() {
    return url.replaceFirst("//[^/@]*@", "//");
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "GitSourceSettings["
        + redactedUrl()
        + " "
        + branch
        + subdirectory.map(d -> " /" + d).orElse("")
        + "]";
  }
}
