package io.pdmgitops.webui.write;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * "Move to...": the placement a guest page's form asks for, as the Guest's {@code spec.placement}
 * writes it. Another remote needs storage and bridge maps ({@code local-lvm=ceph, *=local}), as
 * PVE's remote migration does.
 *
 * @param remote the target remote; empty for a node of the guest's own cluster
 */
public record GuestMove(
    Optional<String> remote,
    String node,
    Optional<Integer> targetVmid,
    Map<String, String> storageMap,
    Map<String, String> bridgeMap,
    boolean online) {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern ID = Pattern.compile("\\*|[A-Za-z0-9_][A-Za-z0-9._-]*");

  public GuestMove {
    storageMap = Map.copyOf(storageMap);
    bridgeMap = Map.copyOf(bridgeMap);
  }

  /**
   * The form's fields: {@code remote}, {@code node}, {@code targetVmid}, {@code storageMap}, {@code
   * bridgeMap}, {@code online}.
   *
   * @param ownRemote the guest's remote: naming it is the same as naming none
   * @throws IllegalArgumentException with what is wrong, for the page
   */
  public static GuestMove from(MultiValueMap<String, String> form, String ownRemote) {
    String node = field(form, "node");
    if (!NAME.matcher(node).matches()) {
      throw new IllegalArgumentException("Name the target node, e.g. pve-east-2.");
    }
    Optional<String> remote =
        Optional.of(field(form, "remote")).filter(r -> !r.isEmpty() && !r.equals(ownRemote));
    if (remote.isPresent() && !NAME.matcher(remote.get()).matches()) {
      throw new IllegalArgumentException("'" + remote.get() + "' is not a remote's name.");
    }
    Optional<Integer> vmid = Optional.empty();
    String rawVmid = field(form, "targetVmid");
    if (!rawVmid.isEmpty()) {
      if (!rawVmid.matches("[1-9][0-9]{2,8}")) {
        throw new IllegalArgumentException("The target VMID is a number from 100 to 999999999.");
      }
      vmid = Optional.of(Integer.parseInt(rawVmid));
    }
    Map<String, String> storage = map("storage map", field(form, "storageMap"));
    Map<String, String> bridge = map("bridge map", field(form, "bridgeMap"));
    if (remote.isPresent() && (storage.isEmpty() || bridge.isEmpty())) {
      throw new IllegalArgumentException(
          "A move to another remote needs a storage map and a bridge map, e.g. *=local-lvm and"
              + " *=vmbr0.");
    }
    return new GuestMove(remote, node, vmid, storage, bridge, form.getFirst("online") != null);
  }

  /** The placement as written into Git, in the schema's order. */
  public Map<String, Object> placement() {
    Map<String, Object> placement = new LinkedHashMap<>();
    remote.ifPresent(r -> placement.put("remote", r));
    placement.put("node", node);
    targetVmid.ifPresent(v -> placement.put("targetVmid", v));
    if (!storageMap.isEmpty()) {
      placement.put("storageMap", new java.util.TreeMap<>(storageMap));
    }
    if (!bridgeMap.isEmpty()) {
      placement.put("bridgeMap", new java.util.TreeMap<>(bridgeMap));
    }
    placement.put("online", online);
    return placement;
  }

  /** For the commit's subject: {@code dc-west/pve-west-1} or {@code pve-east-2}. */
  public String target() {
    return remote.map(r -> r + "/").orElse("") + node;
  }

  private static Map<String, String> map(String what, String text) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text.isBlank()) {
      return map;
    }
    for (String pair : text.split(",")) {
      String[] parts = pair.strip().split("=", -1);
      if (parts.length != 2
          || !ID.matcher(parts[0].strip()).matches()
          || !ID.matcher(parts[1].strip()).matches()
          || parts[1].strip().equals("*")) {
        throw new IllegalArgumentException(
            "The "
                + what
                + " is SOURCE=TARGET pairs separated by commas, e.g. local-lvm=ceph, *=local.");
      }
      map.put(parts[0].strip(), parts[1].strip());
    }
    return map;
  }

  private static String field(MultiValueMap<String, String> form, String name) {
    return Optional.ofNullable(form.getFirst(name)).orElse("").strip();
  }
}
