package io.pdmgitops.controller.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The login of a first start, before Git declares anyone who could administer the controller: a
 * random password, printed once and kept owner-only (0600) in {@code
 * <data-dir>/bootstrap-credential} so that a restart keeps it. It is valid until an Admin on {@code
 * /} exists in Git; the first start that sees one deletes the file. There is no built-in default
 * password.
 *
 * <p>Only the password's argon2id hash is held in memory, so checking it costs what checking any
 * other user's password does, and neither {@link #toString} nor any message shows it.
 */
public final class BootstrapCredential {
  /** The bootstrap user, in the local realm. */
  public static final String USER_ID = "bootstrap@pdm";

  /** Name of the file in the data directory. */
  public static final String FILE_NAME = "bootstrap-credential";

  /** 18 random bytes: 24 URL-safe characters, 144 bits. */
  private static final int RANDOM_BYTES = 18;

  private static final String PASSWORD_PREFIX = "password: ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final String hash;

  private BootstrapCredential(Path file, String hash) {
    this.file = file;
    this.hash = hash;
  }

  /**
   * The bootstrap credential while no Admin on {@code /} exists: the one in the data directory if
   * there is one (its password is not printed again, only where it is), else a new one whose user
   * and password are printed to {@code out}. Once an admin exists the file is deleted and the
   * result is empty.
   */
  public static Optional<BootstrapCredential> ensure(
      Path dataDir, boolean adminExists, PrintStream out) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (adminExists) {
      if (Files.deleteIfExists(file)) {
        out.println(
            "Bootstrap login " + USER_ID + " removed: an Admin on / exists in Git (" + file + ").");
      }
      return Optional.empty();
    }
    if (Files.exists(file)) {
      BootstrapCredential kept = new BootstrapCredential(file, PasswordHashing.hash(read(file)));
      out.println(
          "Bootstrap login: user "
              + USER_ID
              + ", password in "
              + file
              + " (valid until an Admin on / exists in Git).");
      return Optional.of(kept);
    }
    char[] password = randomPassword();
    write(file, password);
    out.println("No Admin on / in Git yet: a one-time bootstrap login, valid until there is one.");
    out.println("  user:     " + USER_ID);
    out.println("  password: " + new String(password));
    out.println("  (kept in " + file + ", readable by this user only)");
    out.flush();
    BootstrapCredential created = new BootstrapCredential(file, PasswordHashing.hash(password));
    Arrays.fill(password, '\0');
    return Optional.of(created);
  }

  public String userId() {
    return USER_ID;
  }

  /** The file that holds the password. */
  public Path file() {
    return file;
  }

  /** Whether this is the bootstrap password; as costly and constant-time as any password check. */
  public boolean matches(char[] password) {
    return PasswordHashing.matches(Objects.requireNonNull(password, "password"), hash);
  }

  @Override
  public String toString() {
    return "BootstrapCredential[" + USER_ID + ", password hidden]";
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  /** The password line of the file; the file's content never goes into the message. */
  private static char[] read(Path file) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(PASSWORD_PREFIX) && line.length() > PASSWORD_PREFIX.length()) {
        restrict(file); // an older copy or a restore may have widened it
        return line.substring(PASSWORD_PREFIX.length()).strip().toCharArray();
      }
    }
    throw new IOException(
        file + ": holds no bootstrap password; delete it and restart to make a new one");
  }

  /** Owner-only from the first byte ({@link OwnerOnlyFile}). */
  private static void write(Path file, char[] password) throws IOException {
    String text =
        "# pdm-gitops bootstrap login: valid until an Admin on / exists in Git, then deleted.\n"
            + "user: "
            + USER_ID
            + "\n"
            + PASSWORD_PREFIX
            + new String(password)
            + "\n";
    OwnerOnlyFile.write(file, text);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to set
    }
  }
}
