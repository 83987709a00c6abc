package io.pdmgitops.controller.app;

import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.controller.store.RetentionSettings;
import io.pdmgitops.model.desired.DriftPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The controller's settings ({@code pdm.*} in application.yaml or the environment).
 *
 * @param dataDir the clone, the H2 database and demo files live here
 * @param repository the desired-state repository
 * @param secrets extra variables for secret references, beside the process environment (the demo
 *     hands its simulator tokens over this way; never logged)
 * @param webhooks where the secret of the webhooks from Git hosts and CI is
 * @param suspended start with reconciling suspended: observe and report, act on nothing
 */
@ConfigurationProperties("pdm")
public record ControllerProperties(
    Path dataDir,
    Repository repository,
    Duration inventoryInterval,
    DriftPolicy defaultPolicy,
    int actionsPerRemote,
    Map<String, String> secrets,
    Retention retention,
    Webhooks webhooks,
    boolean suspended) {

  public ControllerProperties {
    dataDir = dataDir == null ? Path.of("pdm-gitops-data") : dataDir;
    inventoryInterval = inventoryInterval == null ? Duration.ofSeconds(30) : inventoryInterval;
    defaultPolicy = defaultPolicy == null ? DriftPolicy.ENFORCE : defaultPolicy;
    actionsPerRemote = actionsPerRemote <= 0 ? 4 : actionsPerRemote;
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    retention = retention == null ? new Retention(null, null, null, null) : retention;
    webhooks = webhooks == null ? new Webhooks(null, null) : webhooks;
  }

  /**
   * Where the webhooks' shared secret is ({@code pdm.webhooks.*}): an environment variable (or a
   * {@code pdm.secrets} entry) named by {@code secretEnv}, default {@code PDM_WEBHOOK_SECRET}, or a
   * file. Without either the webhooks are off.
   */
  public record Webhooks(String secretEnv, Path secretFile) {
    public Webhooks {
      secretEnv = secretEnv == null ? "PDM_WEBHOOK_SECRET" : secretEnv;
    }
  }

  /** How much history the store keeps ({@code pdm.retention.*}); unset values take defaults. */
  public record Retention(Integer commits, Integer events, Duration maxAge, Duration interval) {
    public RetentionSettings settings() {
      return new RetentionSettings(
          commits == null ? RetentionSettings.DEFAULT_COMMITS : commits,
          events == null ? RetentionSettings.DEFAULT_EVENTS : events,
          maxAge == null ? RetentionSettings.DEFAULT_MAX_AGE : maxAge,
          interval == null ? RetentionSettings.DEFAULT_INTERVAL : interval);
    }
  }

  /**
   * Where the desired state is fetched from, and with which credentials. Secrets are never written
   * here: an https token is named by an environment variable or a file.
   *
   * @param tokenEnv environment variable holding the https token (sent as the password of user
   *     "git", as GitHub, GitLab, Gitea and Forgejo accept)
   * @param tokenFile file holding the https token, instead of {@code tokenEnv}
   * @param sshKeyFile private key for ssh:// URLs, without passphrase
   * @param knownHostsFile known_hosts listing the ssh server; unknown hosts are refused
   * @param writeMode where changes made in the web UI go: {@code direct} (pushed to the branch) or
   *     {@code review} (pushed to a new branch for a merge request, for a protected branch)
   * @param reviewUrl in review mode, the URL that opens a merge request, with {@code {branch}} and
   *     {@code {target}}
   */
  public record Repository(
      String url,
      String branch,
      Optional<String> subdirectory,
      Duration pollInterval,
      String tokenEnv,
      Path tokenFile,
      Path sshKeyFile,
      Path knownHostsFile,
      GitWriter.Mode writeMode,
      Optional<String> reviewUrl) {
    public Repository {
      writeMode = writeMode == null ? GitWriter.Mode.DIRECT : writeMode;
      reviewUrl = reviewUrl == null ? Optional.empty() : reviewUrl;
      branch = branch == null ? "main" : branch;
      subdirectory = subdirectory == null ? Optional.empty() : subdirectory;
      pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
    }
  }

  @Override
  public String toString() {
    return "ControllerProperties[" + dataDir + ", secrets hidden]";
  }
}
