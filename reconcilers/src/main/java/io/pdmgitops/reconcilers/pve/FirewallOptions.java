package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** {@code GET /cluster/firewall/options}: only the keys that are set, plus the digest. */
public record FirewallOptions(
    Optional<Boolean> enable,
    @JsonProperty("policy_in") Optional<String> policyIn,
    @JsonProperty("policy_out") Optional<String> policyOut,
    Optional<String> digest) {}
