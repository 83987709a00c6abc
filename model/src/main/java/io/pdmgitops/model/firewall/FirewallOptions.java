package io.pdmgitops.model.firewall;

import com.fasterxml.jackson.annotation.JsonValue;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import java.util.Objects;
import java.util.Optional;

/**
 * The firewall options of one PVE cluster, one of its nodes, or one guest: which one is said by
 * {@code node} or {@code vmid} (neither: the cluster's). Options left out are not managed: the
 * remote keeps what it has.
 */
public record FirewallOptions(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public FirewallOptions {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.FIREWALL_OPTIONS;
  }

  public FirewallTarget target() {
    return FirewallTarget.of(spec.node(), spec.vmid());
  }

  /**
   * @param remote the PVE remote
   * @param node the node whose host firewall this is
   * @param vmid the guest whose firewall this is, on whichever node it runs
   * @param enable whether the firewall is on at this level
   * @param policyIn default policy for incoming traffic (cluster and guests)
   * @param policyOut default policy for outgoing traffic (cluster and guests)
   * @param policyForward default policy for forwarded traffic (cluster only; nftables firewall)
   * @param logLevelIn log level for incoming traffic (nodes and guests)
   * @param logLevelOut log level for outgoing traffic (nodes and guests)
   * @param logLevelForward log level for forwarded traffic (nodes only)
   * @param policy drift policy; empty means the controller's global default
   */
  public record Spec(
      String remote,
      Optional<String> node,
      Optional<Integer> vmid,
      Optional<Boolean> enable,
      Optional<Policy> policyIn,
      Optional<Policy> policyOut,
      Optional<Policy> policyForward,
      Optional<LogLevel> logLevelIn,
      Optional<LogLevel> logLevelOut,
      Optional<LogLevel> logLevelForward,
      Optional<String> comment,
      Optional<DriftPolicy> policy) {
    public Spec {
      Objects.requireNonNull(remote, "remote");
      node = Objects.requireNonNullElse(node, Optional.empty());
      vmid = Objects.requireNonNullElse(vmid, Optional.empty());
      enable = Objects.requireNonNullElse(enable, Optional.empty());
      policyIn = Objects.requireNonNullElse(policyIn, Optional.empty());
      policyOut = Objects.requireNonNullElse(policyOut, Optional.empty());
      policyForward = Objects.requireNonNullElse(policyForward, Optional.empty());
      logLevelIn = Objects.requireNonNullElse(logLevelIn, Optional.empty());
      logLevelOut = Objects.requireNonNullElse(logLevelOut, Optional.empty());
      logLevelForward = Objects.requireNonNullElse(logLevelForward, Optional.empty());
      comment = Objects.requireNonNullElse(comment, Optional.empty());
      policy = Objects.requireNonNullElse(policy, Optional.empty());
    }
  }

  /** A default policy, as PVE spells it (forwarding knows no REJECT). */
  public enum Policy {
    ACCEPT,
    REJECT,
    DROP;

    @JsonValue
    public String wire() {
      return name();
    }
  }

  /** A syslog level for firewall logging, as PVE spells it; {@code nolog} logs nothing. */
  public enum LogLevel {
    EMERG,
    ALERT,
    CRIT,
    ERR,
    WARNING,
    NOTICE,
    INFO,
    DEBUG,
    NOLOG;

    @JsonValue
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
