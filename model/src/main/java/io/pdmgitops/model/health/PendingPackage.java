package io.pdmgitops.model.health;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One upgradable package of a node, as {@code GET /nodes/{node}/apt/update} lists it.
 *
 * @param oldVersion the installed version; empty for a new dependency another upgrade pulls in
 * @param origin the candidate's archive: {@code Debian}, {@code Proxmox}
 */
public record PendingPackage(
    String name,
    Optional<String> oldVersion,
    String version,
    Optional<String> origin,
    Optional<String> priority,
    Optional<String> section) {
  /**
   * Debian's security archive and its stable point updates version a package {@code +deb12u3} or
   * {@code ~deb12u3}; PVE's API names only the origin ("Debian" for both), so a security update is
   * told by its version.
   */
  private static final Pattern DEBIAN_UPDATE = Pattern.compile("[+~]deb\\d+u\\d+");

  public PendingPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    oldVersion = oldVersion == null ? Optional.empty() : oldVersion;
    origin = origin == null ? Optional.empty() : origin;
    priority = priority == null ? Optional.empty() : priority;
    section = section == null ? Optional.empty() : section;
  }

  /**
   * Marked as a security update: a Debian package whose new version is a stable update ({@code
   * +debNNuM}). Point-release fixes look the same; treating them alike errs on the safe side.
   */
  public boolean security() {
    return origin.map("Debian"::equals).orElse(false) && DEBIAN_UPDATE.matcher(version).find();
  }

  /** A new kernel image: installing it changes nothing until the node reboots. */
  public boolean kernel() {
    return name.startsWith("proxmox-kernel-") || name.startsWith("pve-kernel-");
  }

  /** {@code openssl 3.0.14-1~deb12u2 → 3.0.15-1~deb12u1}, or {@code libfoo1 (new) 1.0-1}. */
  public String shown() {
    return name + " " + oldVersion.map(v -> v + " → ").orElse("(new) ") + version;
  }
}
