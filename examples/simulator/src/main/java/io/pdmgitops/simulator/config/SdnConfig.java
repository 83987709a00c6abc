package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * A cluster's SDN beyond its two zones ({@code localnet} simple, {@code tenants} vxlan).
 *
 * @param pending zones edited but not applied: PVE lists them {@code state: changed} with the new
 *     values under {@code pending}
 * @param errors {@code node/zone}: zones a node failed to apply ({@code status: error} in {@code
 *     /cluster/resources})
 */
public record SdnConfig(List<String> pending, List<String> errors) {
  public SdnConfig {
    pending = List.copyOf(pending);
    errors = List.copyOf(errors);
  }

  /** Everything applied everywhere. */
  public static SdnConfig applied() {
    return new SdnConfig(List.of(), List.of());
  }
}
