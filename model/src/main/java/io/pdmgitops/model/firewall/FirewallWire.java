package io.pdmgitops.model.firewall;

import io.pdmgitops.model.firewall.FirewallTarget.Level;
import java.util.EnumMap;
import java.util.Map;

/** FirewallOptions in PVE's words: what a spec asks for, and what a read says is in effect. */
final class FirewallWire {
  private FirewallWire() {}

  /** The options the spec manages, as PVE writes them ({@code 1}/{@code 0} for enable). */
  static Map<FirewallField, String> desired(FirewallOptions.Spec spec) {
    Map<FirewallField, String> out = new EnumMap<>(FirewallField.class);
    spec.enable().ifPresent(v -> out.put(FirewallField.ENABLE, v ? "1" : "0"));
    spec.policyIn().ifPresent(v -> out.put(FirewallField.POLICY_IN, v.wire()));
    spec.policyOut().ifPresent(v -> out.put(FirewallField.POLICY_OUT, v.wire()));
    spec.policyForward().ifPresent(v -> out.put(FirewallField.POLICY_FORWARD, v.wire()));
    spec.logLevelIn().ifPresent(v -> out.put(FirewallField.LOG_LEVEL_IN, v.wire()));
    spec.logLevelOut().ifPresent(v -> out.put(FirewallField.LOG_LEVEL_OUT, v.wire()));
    spec.logLevelForward().ifPresent(v -> out.put(FirewallField.LOG_LEVEL_FORWARD, v.wire()));
    return out;
  }

  /**
   * What is in effect for a field: the value set in the file, else PVE's default at the level. A
   * set {@code enable} counts as on for any number but 0, as pve-firewall reads it.
   */
  static String effective(FirewallField field, Level level, ObservedFirewallOptions.Read read) {
    String set = read.options().get(field.parameter());
    if (set == null || set.isEmpty()) {
      return field.defaultAt(level).orElse("");
    }
    if (field == FirewallField.ENABLE) {
      return set.equals("0") ? "0" : "1";
    }
    return field.name().startsWith("POLICY") ? set.toUpperCase(java.util.Locale.ROOT) : set;
  }
}
