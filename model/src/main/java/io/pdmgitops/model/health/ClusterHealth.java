package io.pdmgitops.model.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PVE remote's cluster and HA state, from {@code GET /cluster/status} and {@code GET
 * /cluster/ha/status/current}.
 *
 * @param quorate empty for a single node that is no cluster
 * @param haMaster the HA master's status text ({@code "pve1 (active, ...)"}); empty when no HA
 *     resource was ever configured
 */
public record ClusterHealth(
    Optional<Boolean> quorate,
    List<Member> nodes,
    Optional<String> haMaster,
    List<HaResource> haResources) {
  public ClusterHealth {
    quorate = quorate == null ? Optional.empty() : quorate;
    nodes = List.copyOf(nodes);
    haMaster = haMaster == null ? Optional.empty() : haMaster;
    haResources = List.copyOf(haResources);
  }

  /** A node as the cluster sees it. */
  public record Member(String name, boolean online) {
    public Member {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One HA resource.
   *
   * @param sid {@code vm:100} or {@code ct:120}
   * @param state the manager's state: started, stopped, error, fence, recovery, freeze, ...
   * @param requested the state the resource is configured to be in
   */
  public record HaResource(String sid, String node, String state, Optional<String> requested) {
    public HaResource {
      Objects.requireNonNull(sid, "sid");
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(state, "state");
      requested = requested == null ? Optional.empty() : requested;
    }

    /** The guest's VMID: the number after the colon. */
    public Optional<Integer> vmid() {
      try {
        return Optional.of(Integer.parseInt(sid.substring(sid.indexOf(':') + 1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  public long online() {
    return nodes.stream().filter(Member::online).count();
  }
}
