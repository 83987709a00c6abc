package io.pdmgitops.reconcilers.pve;

/**
 * One zone on one node, from {@code GET /cluster/resources?type=sdn}.
 *
 * @param status {@code available}, {@code pending} (the node has not reloaded its network since the
 *     apply) or {@code error}
 */
public record SdnStatus(String sdn, String node, String status) {}
