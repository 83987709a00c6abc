package io.pdmgitops.controller.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How the controller talks to its repository, for fetching and pushing alike: the https token (read
 * anew for every command, so a rotated one counts at once), one SSH client that knows only the
 * configured key and known hosts, and a timeout on every command. Messages pass through {@link
 * #redact} before they are shown: no URL user info, no token.
 */
public final class GitTransport {
  private final GitSourceSettings settings;
  private SshdSessionFactory sshSessions;

  public GitTransport(GitSourceSettings settings) {
    this.settings = settings;
  }

  /** A JGit command set up with the credentials and timeout; returns the token it used. */
  public <C extends TransportCommand<C, ?>> Optional<String> configure(C command)
      throws GitSourceException {
    Optional<String> token =
        settings.httpsToken().isPresent()
            ? Optional.of(settings.httpsToken().get().read())
            : Optional.empty();
    command
        .setCredentialsProvider(credentials(token))
        .setTransportConfigCallback(this::configure)
        .setTimeout(timeoutSeconds());
    return token;
  }

  private static CredentialsProvider credentials(Optional<String> token) {
    return token
        .<CredentialsProvider>map(t -> new UsernamePasswordCredentialsProvider("git", t))
        .orElse(null);
  }

  private void configure(Transport transport) {
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(sshSessions());
    }
  }

  /** One SSH client for the transport's life, seeing only the configured key and known hosts. */
  private synchronized SshdSessionFactory sshSessions() {
    if (sshSessions == null) {
      GitSourceSettings.SshCredentials ssh =
          settings
              .ssh()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "an ssh repository needs pdm.repository.ssh-key-file and"
                              + " pdm.repository.known-hosts-file"));
      Path sshDir = settings.workDir().resolve("ssh");
      sshSessions =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(settings.workDir().toFile())
              .setSshDirectory(sshDir.toFile())
              .setConfigFile(dir -> sshDir.resolve("no-config").toFile())
              .setDefaultIdentities(dir -> List.of(ssh.keyFile()))
              .setDefaultKnownHostsFiles(dir -> List.of(ssh.knownHostsFile()))
              .setPreferredAuthentications("publickey")
              .build(null);
    }
    return sshSessions;
  }

  int timeoutSeconds() {
    return (int) Math.max(1, settings.timeout().toSeconds());
  }

  /** A message without URL user info or the token. */
  public static String redact(String message, Optional<String> token) {
    if (message == null) {
      return "";
    }
    String out = message.replaceAll("//[^/@\\s]*@", "//");
    return token.map(t -> out.replace(t, "***")).orElse(out);
  }
}
