package io.pdmgitops.reconcilers.pve;

import java.util.Map;
import java.util.Optional;

/**
 * One SDN zone of {@code GET /cluster/sdn/zones}; read with {@code pending=1}, a zone edited since
 * the last apply has {@code state} new, changed or deleted and its new values under {@code
 * pending}.
 */
public record SdnZone(
    String zone,
    String type,
    Optional<Integer> mtu,
    Optional<String> ipam,
    Optional<String> state,
    Optional<Map<String, Object>> pending) {}
