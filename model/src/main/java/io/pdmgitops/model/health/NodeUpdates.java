package io.pdmgitops.model.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's pending updates and kernels, from {@code apt/update} and {@code apt/versions}.
 *
 * @param runningKernel {@code uname -r} of the booted kernel, e.g. {@code 6.8.12-4-pve}
 * @param newestKernel the newest installed kernel's release, from the first installed {@code
 *     proxmox-kernel-<release>[-signed]} package (PVE lists them newest first)
 * @param managerVersion the installed pve-manager version
 * @param cephVersion the installed Ceph version; empty where Ceph is not installed
 */
public record NodeUpdates(
    String node,
    List<PendingPackage> pending,
    Optional<String> runningKernel,
    Optional<String> newestKernel,
    Optional<String> managerVersion,
    Optional<String> cephVersion) {
  public NodeUpdates {
    cephVersion = cephVersion == null ? Optional.empty() : cephVersion;
    Objects.requireNonNull(node, "node");
    pending = List.copyOf(pending);
    runningKernel = runningKernel == null ? Optional.empty() : runningKernel;
    newestKernel = newestKernel == null ? Optional.empty() : newestKernel;
    managerVersion = managerVersion == null ? Optional.empty() : managerVersion;
  }

  /** A node without Ceph. */
  public NodeUpdates(
      String node,
      List<PendingPackage> pending,
      Optional<String> runningKernel,
      Optional<String> newestKernel,
      Optional<String> managerVersion) {
    this(node, pending, runningKernel, newestKernel, managerVersion, Optional.empty());
  }

  /**
   * A newer kernel is installed than the one running. A kernel pinned with {@code proxmox-boot-tool
   * kernel pin} looks the same: the pin is not in the API.
   */
  public boolean rebootNeeded() {
    return runningKernel.isPresent()
        && newestKernel.isPresent()
        && !runningKernel.get().equals(newestKernel.get());
  }

  public List<PendingPackage> security() {
    return pending.stream().filter(PendingPackage::security).toList();
  }
}
