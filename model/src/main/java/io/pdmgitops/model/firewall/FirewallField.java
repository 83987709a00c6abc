package io.pdmgitops.model.firewall;

import io.pdmgitops.model.drift.DriftField;
import io.pdmgitops.model.firewall.FirewallTarget.Level;
import java.util.Map;
import java.util.Optional;

/**
 * The firewall options drift is measured on, each with its PVE parameter and the value PVE uses
 * when the option is not set, per level (pve-firewall's option properties: a node's firewall is on
 * unless disabled, the cluster's and a guest's are off; policies DROP in, ACCEPT out and forward;
 * log levels nolog). An option a level does not have has no default there.
 */
public enum FirewallField implements DriftField {
  ENABLE("enable", "enable", Map.of(Level.CLUSTER, "0", Level.NODE, "1", Level.GUEST, "0")),
  POLICY_IN("policyIn", "policy_in", Map.of(Level.CLUSTER, "DROP", Level.GUEST, "DROP")),
  POLICY_OUT("policyOut", "policy_out", Map.of(Level.CLUSTER, "ACCEPT", Level.GUEST, "ACCEPT")),
  POLICY_FORWARD("policyForward", "policy_forward", Map.of(Level.CLUSTER, "ACCEPT")),
  LOG_LEVEL_IN("logLevelIn", "log_level_in", Map.of(Level.NODE, "nolog", Level.GUEST, "nolog")),
  LOG_LEVEL_OUT("logLevelOut", "log_level_out", Map.of(Level.NODE, "nolog", Level.GUEST, "nolog")),
  LOG_LEVEL_FORWARD("logLevelForward", "log_level_forward", Map.of(Level.NODE, "nolog"));

  private final String path;
  private final String parameter;
  private final Map<Level, String> defaults;

  FirewallField(String path, String parameter, Map<Level, String> defaults) {
    this.path = path;
    this.parameter = parameter;
    this.defaults = defaults;
  }

  @Override
  public String path() {
    return path;
  }

  /** PVE's name of the option, e.g. {@code policy_in}. */
  public String parameter() {
    return parameter;
  }

  /** Whether PVE has this option at that level. */
  public boolean appliesTo(Level level) {
    return defaults.containsKey(level);
  }

  /** What PVE uses at that level while the option is not set. */
  public Optional<String> defaultAt(Level level) {
    return Optional.ofNullable(defaults.get(level));
  }

  /** The field of a PVE option name, if it is one this kind manages. */
  public static Optional<FirewallField> ofParameter(String parameter) {
    for (FirewallField f : values()) {
      if (f.parameter.equals(parameter)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return path;
  }
}
