package io.pdmgitops.reconcilers.pve;

import java.util.Map;
import java.util.Optional;

/** One SDN vnet of {@code GET /cluster/sdn/vnets}; {@code state} and {@code pending} as zones. */
public record SdnVnet(
    String vnet,
    Optional<String> zone,
    Optional<Integer> tag,
    Optional<String> alias,
    Optional<Boolean> vlanaware,
    Optional<String> state,
    Optional<Map<String, Object>> pending) {}
