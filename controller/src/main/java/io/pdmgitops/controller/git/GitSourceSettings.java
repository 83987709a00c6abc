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
 * @param httpsToken token for https remotes (used as the password), read at every fetch
 * @param ssh key and known hosts for ssh remotes
 * @param workDir where the controller keeps its clone
 * @param timeout bound of one clone or fetch
 */
public record GitSourceSettings(
    String url,
    String branch,
    Optional<String> subdirectory,
    Optional<TokenSource> httpsToken,
    Optional<SshCredentials> ssh,
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
    ssh = ssh == null ? Optional.empty() : ssh;
    if (httpsToken.isPresent() && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "a repository token is only sent over https, and "
              + url.replaceFirst("//[^/@]*@", "//")
              + " is not an https URL");
    }
    if (subdirectory.isPresent()
        && (subdirectory.get().contains("..") || subdirectory.get().startsWith("/"))) {
      throw new IllegalArgumentException(
          "the subdirectory must be a relative path inside the repository");
    }
  }

  public static GitSourceSettings of(String url, String branch, Path workDir) {
    return new GitSourceSettings(
        url,
        branch,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        workDir,
        DEFAULT_TIMEOUT);
  }

  public GitSourceSettings withSubdirectory(String dir) {
    return new GitSourceSettings(url, branch, Optional.of(dir), httpsToken, ssh, workDir, timeout);
  }

  public GitSourceSettings withSubdirectoryIfPresent(Optional<String> dir) {
    return dir.map(this::withSubdirectory).orElse(this);
  }

  public GitSourceSettings withHttpsToken(String token) {
    return withHttpsToken(TokenSource.fixed(token));
  }

  public GitSourceSettings withHttpsToken(TokenSource token) {
    return new GitSourceSettings(
        url, branch, subdirectory, Optional.of(token), ssh, workDir, timeout);
  }

  public GitSourceSettings withSsh(SshCredentials credentials) {
    return new GitSourceSettings(
        url, branch, subdirectory, httpsToken, Optional.of(credentials), workDir, timeout);
  }

  /**
   * A private key file (OpenSSH or PEM, without passphrase) and the known_hosts file that must list
   * the server: an unknown or changed host key is refused, never accepted on first use.
   */
  public record SshCredentials(Path keyFile, Path knownHostsFile) {
    public SshCredentials {
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(knownHostsFile, "knownHostsFile");
    }
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
