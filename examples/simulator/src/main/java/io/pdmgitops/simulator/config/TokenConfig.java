package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * An API token the simulated server accepts. These are the simulator's own credentials, made up for
 * demos and tests; no real system knows them.
 *
 * @param role {@code admin} (everything), {@code operator} (read and power) or {@code audit} (read
 *     only)
 * @param privileges when not empty, exactly these privileges (e.g. {@code VM.Audit}) instead of the
 *     role's
 */
public record TokenConfig(String id, String secret, String role, List<String> privileges) {
  public TokenConfig {
    privileges = privileges == null ? List.of() : List.copyOf(privileges);
  }

  public TokenConfig(String id, String secret, String role) {
    this(id, secret, role, List.of());
  }

  @Override
  public String toString() {
    return "TokenConfig[" + id + ", " + role + ", secret hidden]";
  }
}
