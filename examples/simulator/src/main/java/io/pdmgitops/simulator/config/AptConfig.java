package io.pdmgitops.simulator.config;

import java.util.List;
import java.util.Set;

/**
 * A node's packages and APT sources, as {@code apt/update}, {@code apt/versions} and {@code
 * apt/repositories} report them.
 *
 * @param runningKernel the booted kernel's release ({@code 6.8.12-1-pve}); older than the newest
 *     installed one means the node waits for a reboot
 * @param installedKernels installed kernel releases, newest first
 * @param pending upgradable packages
 * @param repositories the enabled standard repositories: {@code enterprise}, {@code
 *     no-subscription}, {@code test}
 * @param suite the Debian suite of every source ({@code bookworm}); an older one is PVE's "old
 *     suite" warning
 * @param security whether the Debian security repository is configured
 * @param ceph whether Ceph is installed ({@code apt/versions} lists it then)
 */
public record AptConfig(
    String runningKernel,
    List<String> installedKernels,
    List<PackageConfig> pending,
    List<String> repositories,
    String suite,
    boolean security,
    boolean ceph) {
  public static final Set<String> STANDARD =
      Set.of(
          "enterprise",
          "no-subscription",
          "test",
          "ceph-reef-enterprise",
          "ceph-reef-no-subscription",
          "ceph-reef-test");

  /** Without Ceph. */
  public AptConfig(
      String runningKernel,
      List<String> installedKernels,
      List<PackageConfig> pending,
      List<String> repositories,
      String suite,
      boolean security) {
    this(runningKernel, installedKernels, pending, repositories, suite, security, false);
  }

  public AptConfig {
    installedKernels = List.copyOf(installedKernels);
    pending = List.copyOf(pending);
    repositories = List.copyOf(repositories);
    if (installedKernels.isEmpty()) {
      throw new IllegalArgumentException("apt: at least one installed kernel");
    }
    if (!installedKernels.contains(runningKernel)) {
      throw new IllegalArgumentException(
          "apt: running kernel " + runningKernel + " is not among " + installedKernels);
    }
    for (String r : repositories) {
      if (!STANDARD.contains(r)) {
        throw new IllegalArgumentException(
            "apt: repository " + r + ": expected one of " + STANDARD);
      }
    }
  }

  /** A node up to date on the enterprise repository: nothing pending, no reboot. */
  public static AptConfig current() {
    return new AptConfig(
        "6.8.12-1-pve",
        List.of("6.8.12-1-pve"),
        List.of(),
        List.of("enterprise"),
        "bookworm",
        true);
  }

  /**
   * One upgradable package.
   *
   * @param oldVersion null for a new dependency pulled in by another upgrade
   * @param origin {@code Debian} or {@code Proxmox}, the candidate's archive
   */
  public record PackageConfig(
      String name,
      String title,
      String oldVersion,
      String version,
      String origin,
      String section,
      String priority) {}
}
