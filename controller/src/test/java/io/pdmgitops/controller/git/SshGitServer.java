package io.pdmgitops.controller.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH server (Apache MINA SSHD, the library under JGit's own client) that lets one public key
 * fetch from and push to one repository, as a Git host does for a deploy key with write access.
 */
final class SshGitServer implements AutoCloseable {
  private final SshServer server;
  private final KeyPair hostKey;

  SshGitServer(Repository repository, PublicKey authorizedKey) throws Exception {
    hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(session -> List.of(hostKey));
    server.setPublickeyAuthenticator(
        (user, key, session) -> KeyUtils.compareKeys(key, authorizedKey));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new UploadPackCommand(repository, command));
    server.start();
  }

  static KeyPair newClientKey() throws Exception {
    return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
  }

  /** Writes the key as an OpenSSH private key file without passphrase, as ssh-keygen would. */
  static Path writePrivateKey(KeyPair key, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
          .writePrivateKey(key, "deploy key", null, out);
    }
    return file;
  }

  String url() {
    return "ssh://git@127.0.0.1:" + server.getPort() + "/repo.git";
  }

  /** A known_hosts line for this server, as ssh-keyscan prints it. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** {@code git-upload-pack '/repo.git'}: a fetch, served from the repository. */
  private static final class UploadPackCommand implements Command, Runnable {
    private final Repository repository;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Repository repository, String command) {
      this.repository = repository;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread t = new Thread(this, "ssh-upload-pack");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void run() {
      boolean push = command.startsWith("git-receive-pack ");
      if (!(push || command.startsWith("git-upload-pack ")) || !command.contains("repo.git")) {
        exit.onExit(1, "only git-upload-pack and git-receive-pack of repo.git are served");
        return;
      }
      try {
        if (push) {
          new ReceivePack(repository).receive(in, out, err);
        } else {
          new UploadPack(repository).upload(in, out, err);
        }
        out.flush();
        exit.onExit(0);
      } catch (IOException e) {
        exit.onExit(1, e.getMessage());
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }

  static {
    SecurityUtils.isEDDSACurveSupported(); // registers the ed25519 provider early
  }
}
