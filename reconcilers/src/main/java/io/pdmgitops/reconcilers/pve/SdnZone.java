package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** One SDN zone of {@code GET /cluster/sdn/zones}. */
public record SdnZone(
    String zone,
    String type,
    Optional<Integer> mtu,
    Optional<String> ipam,
    Optional<String> state) {}
