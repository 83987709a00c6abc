package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One entry of {@code GET /nodes/{node}/apt/versions}: proxmox-ve (with the running kernel),
 * pve-manager (with its version text), the installed kernels newest first, then the key packages.
 *
 * @param oldVersion the installed version; {@code version} is the candidate
 * @param runningKernel on the proxmox-ve entry only: {@code uname -r}, e.g. {@code 6.8.12-4-pve}
 * @param managerVersion on the pve-manager entry only: {@code 8.3.1/fb48e850ef9dde27}
 */
public record PackageVersion(
    @JsonProperty("Package") String packageName,
    @JsonProperty("Version") Optional<String> version,
    @JsonProperty("OldVersion") Optional<String> oldVersion,
    @JsonProperty("CurrentState") Optional<String> currentState,
    @JsonProperty("RunningKernel") Optional<String> runningKernel,
    @JsonProperty("ManagerVersion") Optional<String> managerVersion) {

  public boolean installed() {
    return currentState.map("Installed"::equals).orElse(false);
  }
}
