package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.ParamSchema.Param;
import io.pdmgitops.simulator.http.ParamSchema.Type;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Firewall options of the cluster, of each node's host firewall and of each guest, as pve-firewall
 * serves them ({@code src/PVE/API2/Firewall/{Cluster,Host,VM}.pm}, read at pve-firewall 3c5dce44,
 * PVE 8 development). GET answers only the options set in the file, {@code enable} and flags as
 * numbers, and the file's SHA-1 {@code digest} (an empty file's is {@code da39a3ee...}). PUT takes
 * options, {@code delete} and {@code digest}; a digest that no longer matches fails inside the
 * file's lock (cluster and guests: pve-cluster's lock prefix; hosts: a local file lock, no prefix).
 * Privileges: Sys.Audit / Sys.Modify on {@code /} for the cluster and on {@code /nodes/{node}} for
 * a host; VM.Audit / VM.Config.Network on {@code /vms/{vmid}} for a guest. Rules, aliases and IP
 * sets are served by {@link PveInfoApi} as fixed examples.
 */
final class PveFirewallApi {
  private static final List<String> POLICIES = List.of("ACCEPT", "REJECT", "DROP");
  private static final List<String> LEVELS =
      List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "nolog");
  private static final String MODIFIED =
      "detected modified configuration - file changed by other user? Try again.\n";

  private static final List<Param> CLUSTER =
      List.of(
          Param.optional("enable", Type.INTEGER).minimum(0),
          Param.optional("policy_in", Type.STRING).oneOf(POLICIES.toArray(String[]::new)),
          Param.optional("policy_out", Type.STRING).oneOf(POLICIES.toArray(String[]::new)),
          Param.optional("policy_forward", Type.STRING).oneOf("ACCEPT", "DROP"),
          Param.optional("log_ratelimit", Type.STRING),
          Param.optional("ebtables", Type.BOOLEAN));
  private static final List<Param> HOST =
      List.of(
          Param.optional("enable", Type.BOOLEAN),
          Param.optional("log_level_in", Type.STRING).oneOf(LEVELS.toArray(String[]::new)),
          Param.optional("log_level_out", Type.STRING).oneOf(LEVELS.toArray(String[]::new)),
          Param.optional("log_level_forward", Type.STRING).oneOf(LEVELS.toArray(String[]::new)),
          Param.optional("nosmurfs", Type.BOOLEAN),
          Param.optional("tcpflags", Type.BOOLEAN),
          Param.optional("ndp", Type.BOOLEAN),
          Param.optional("nf_conntrack_max", Type.INTEGER).minimum(32768));
  private static final List<Param> GUEST =
      List.of(
          Param.optional("enable", Type.BOOLEAN),
          Param.optional("policy_in", Type.STRING).oneOf(POLICIES.toArray(String[]::new)),
          Param.optional("policy_out", Type.STRING).oneOf(POLICIES.toArray(String[]::new)),
          Param.optional("log_level_in", Type.STRING).oneOf(LEVELS.toArray(String[]::new)),
          Param.optional("log_level_out", Type.STRING).oneOf(LEVELS.toArray(String[]::new)),
          Param.optional("dhcp", Type.BOOLEAN),
          Param.optional("ipfilter", Type.BOOLEAN),
          Param.optional("macfilter", Type.BOOLEAN),
          Param.optional("ndp", Type.BOOLEAN),
          Param.optional("radv", Type.BOOLEAN));
  private static final List<Param> PUT =
      List.of(Param.optional("delete", Type.STRING), Param.optional("digest", Type.STRING));

  private final PveCluster cluster;

  /** Each file's options by its key: {@code cluster}, {@code host/<node>}, {@code vm/<vmid>}. */
  private final Map<String, Map<String, String>> files = new LinkedHashMap<>();

  PveFirewallApi(PveCluster cluster) {
    this.cluster = cluster;
    // A cluster where someone turned the firewall on with the usual defaults.
    Map<String, String> options = new LinkedHashMap<>();
    options.put("enable", "1");
    options.put("policy_in", "DROP");
    options.put("policy_out", "ACCEPT");
    options.put("log_ratelimit", "enable=1,burst=5,rate=1/second");
    files.put("cluster", options);
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/cluster/firewall/options", c -> read(c, Place.cluster())),
        Route.of("PUT", "/cluster/firewall/options", c -> write(c, Place.cluster())),
        Route.of("GET", "/nodes/{node}/firewall/options", c -> read(c, host(c))),
        Route.of("PUT", "/nodes/{node}/firewall/options", c -> write(c, host(c))),
        Route.of("GET", "/nodes/{node}/qemu/{vmid}/firewall/options", c -> read(c, guest(c))),
        Route.of("PUT", "/nodes/{node}/qemu/{vmid}/firewall/options", c -> write(c, guest(c))),
        Route.of("GET", "/nodes/{node}/lxc/{vmid}/firewall/options", c -> read(c, guest(c))),
        Route.of("PUT", "/nodes/{node}/lxc/{vmid}/firewall/options", c -> write(c, guest(c))));
  }

  /** One options file: its key, the privileges on its path, its options and its lock's prefix. */
  private record Place(
      String key,
      String path,
      String audit,
      String modify,
      List<Param> options,
      String lockPrefix,
      List<Param> pathParams) {
    static Place cluster() {
      return new Place(
          "cluster",
          "/",
          "Sys.Audit",
          "Sys.Modify",
          CLUSTER,
          "error during cfs-locked 'firewall-cluster' operation: ",
          List.of());
    }
  }

  private Place host(Call call) {
    String node = call.var("node");
    return new Place(
        "host/" + node,
        "/nodes/" + node,
        "Sys.Audit",
        "Sys.Modify",
        HOST,
        "",
        List.of(Param.node("node", false)));
  }

  private Place guest(Call call) {
    String vmid = call.var("vmid");
    return new Place(
        "vm/" + vmid,
        "/vms/" + vmid,
        "VM.Audit",
        "VM.Config.Network",
        GUEST,
        "error during cfs-locked 'firewall-vm-" + vmid + "' operation: ",
        List.of(Param.node("node", false), Param.vmid("vmid", false)));
  }

  /** Proxied to the node, which must know the guest: as PVE answers for the guest's config. */
  private void locate(Call call, Place place) {
    if (place.key().equals("cluster")) {
      return;
    }
    cluster.reachableNode(call.var("node"));
    if (place.key().startsWith("vm/")) {
      String type = call.request().path().contains("/qemu/") ? "qemu" : "lxc";
      cluster.guestOn(call.var("node"), type, call.var("vmid"));
    }
  }

  private ApiResponse read(Call call, Place place) {
    TokenAuth.require(call.token(), place.path(), place.audit());
    call.validate(ParamSchema.of(place.pathParams()));
    locate(call, place);
    Map<String, String> options = files.getOrDefault(place.key(), Map.of());
    ObjectNode out = Json.object();
    options.forEach(
        (key, value) -> {
          Param param = param(place, key);
          if (param != null && param.type() != Type.STRING) {
            out.put(key, Long.parseLong(value));
          } else {
            out.put(key, value);
          }
        });
    out.put("digest", digest(options));
    return ApiResponse.ok(out);
  }

  private ApiResponse write(Call call, Place place) {
    TokenAuth.require(call.token(), place.path(), place.modify());
    call.validate(
        ParamSchema.of(place.pathParams())
            .with(place.options().toArray(Param[]::new))
            .with(PUT.toArray(Param[]::new)));
    locate(call, place);
    Map<String, String> given = new LinkedHashMap<>(call.request().params());
    given.keySet().removeAll(Set.of("node", "vmid"));
    String delete = given.remove("delete");
    String digest = given.remove("digest");
    Map<String, String> options = new LinkedHashMap<>(files.getOrDefault(place.key(), Map.of()));
    if (digest != null && !digest.equals(digest(options))) {
      throw ApiException.of(500, place.lockPrefix() + MODIFIED);
    }
    if (delete != null) {
      for (String key : delete.split("[,;\\s]+")) {
        if (key.isEmpty()) {
          continue;
        }
        if (param(place, key) == null) {
          throw ApiException.badParameter("delete", "no such option '" + key + "'");
        }
        options.remove(key);
      }
    }
    given.computeIfPresent("enable", (k, v) -> Long.parseLong(v) > 0 ? "1" : "0");
    options.putAll(given);
    files.put(place.key(), options);
    return ApiResponse.ok(null);
  }

  private static Param param(Place place, String key) {
    return place.options().stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
  }

  /** SHA-1 of the options as the file lists them; an empty file's is SHA-1 of nothing. */
  private static String digest(Map<String, String> options) {
    StringBuilder text = new StringBuilder();
    if (!options.isEmpty()) {
      text.append("[OPTIONS]\n\n");
      new TreeMap<>(options).forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets options in a file as someone in PVE's UI would, for tests; the digest changes. */
  void edit(String key, Map<String, String> set) {
    files.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(set);
  }

  /** The options file of a place, for tests: {@code cluster}, {@code host/pve1}, {@code vm/100}. */
  Map<String, String> options(String key) {
    return Map.copyOf(files.getOrDefault(key, Map.of()));
  }
}
