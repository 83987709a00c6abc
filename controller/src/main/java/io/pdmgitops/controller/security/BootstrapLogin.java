package io.pdmgitops.controller.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bootstrap credential as the running controller holds it: looked at again whenever a commit is
 * accepted, valid only while no Admin on {@code /} exists in the snapshot in force.
 */
public final class BootstrapLogin {
  private final Path dataDir;
  private final PrintStream out;
  private volatile Optional<BootstrapCredential> current = Optional.empty();
  private volatile Boolean adminExisted;

  public BootstrapLogin(Path dataDir, PrintStream out) {
    this.dataDir = dataDir;
    this.out = out;
  }

  /** After each accepted commit: creates, keeps or removes the credential. */
  public synchronized void snapshotAccepted(boolean adminExists) {
    if (adminExisted != null && adminExisted == adminExists) {
      return; // nothing changed: no new credential, nothing printed again
    }
    try {
      current = BootstrapCredential.ensure(dataDir, adminExists, out);
      adminExisted = adminExists;
    } catch (IOException e) {
      throw new UncheckedIOException("the bootstrap credential in " + dataDir, e);
    }
  }

  public Optional<BootstrapCredential> current() {
    return current;
  }

  /** Whether this user is the bootstrap login and it is still valid. */
  public boolean isBootstrap(String userId, boolean adminExists) {
    return !adminExists && current.map(c -> c.userId().equals(userId)).orElse(false);
  }
}
