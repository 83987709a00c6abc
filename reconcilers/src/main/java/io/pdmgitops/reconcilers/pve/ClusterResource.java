package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One row of {@code GET /cluster/resources}: a guest, node, storage, SDN zone or pool. Fields a row
 * type does not have are empty.
 */
@JsonDeserialize(using = ClusterResourceReader.class)
public record ClusterResource(
    String id,
    String type,
    Optional<String> node,
    Optional<Integer> vmid,
    Optional<String> name,
    Optional<String> status,
    Optional<Boolean> template,
    Optional<Double> maxcpu,
    Optional<Double> cpu,
    Optional<Long> maxmem,
    Optional<Long> mem,
    Optional<Long> maxdisk,
    Optional<Long> disk,
    Optional<Long> uptime,
    Optional<Long> netin,
    Optional<Long> netout,
    Optional<Long> diskread,
    Optional<Long> diskwrite,
    Optional<String> tags,
    Optional<String> lock,
    Optional<String> pool,
    Optional<String> hastate,
    Optional<String> storage,
    Optional<String> plugintype,
    Optional<String> content,
    Optional<Boolean> shared,
    Optional<String> level,
    Optional<String> sdn,
    @JsonProperty("cgroup-mode") Optional<Integer> cgroupMode) {

  public boolean isGuest() {
    return "qemu".equals(type) || "lxc".equals(type);
  }

  /** Tags as a list; PVE separates them with ';' (older versions also ',' or spaces). */
  public List<String> tagList() {
    return tags.map(PveLists::tags).orElse(List.of());
  }
}
