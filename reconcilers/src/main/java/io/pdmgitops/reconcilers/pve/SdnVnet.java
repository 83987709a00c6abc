package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** One SDN vnet of {@code GET /cluster/sdn/vnets}. */
public record SdnVnet(
    String vnet,
    Optional<String> zone,
    Optional<Integer> tag,
    Optional<String> alias,
    Optional<Boolean> vlanaware) {}
