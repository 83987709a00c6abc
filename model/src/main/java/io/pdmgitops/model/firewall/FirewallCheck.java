package io.pdmgitops.model.firewall;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.firewall.FirewallTarget.Level;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.load.semantic.LoadedObjects;
import io.pdmgitops.model.load.semantic.RemoteReferences;
import io.pdmgitops.model.load.semantic.SemanticCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What PVE would refuse, or what would fight, about firewall options, caught in Git with the line
 * to fix: the remote must be a PVE remote; node and vmid are not both set; each option exists at
 * its level (policies on the cluster and guests, log levels on nodes and guests, forwarding on the
 * cluster and nodes); and one document per place, so two cannot undo each other's changes on every
 * cycle.
 */
public final class FirewallCheck implements SemanticCheck {
  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> places = new HashMap<>();
    for (var loaded : objects.ofType(Kind.FIREWALL_OPTIONS, FirewallOptions.class)) {
      FirewallOptions options = loaded.value();
      FirewallOptions.Spec spec = options.spec();
      var source = loaded.source();
      RemoteReferences.pve(objects, source, "/spec/remote", spec.remote(), "firewall options")
          .ifPresent(problems::add);
      if (spec.node().isPresent() && spec.vmid().isPresent()) {
        problems.add(
            source
                .error("/spec/node", "node and vmid are both set")
                .withHint(
                    "a guest's options follow the guest to any node: set only vmid for a guest,"
                        + " only node for a node's host firewall"));
        continue;
      }
      Level level = options.target().level();
      for (FirewallField field : FirewallWire.desired(spec).keySet()) {
        if (!field.appliesTo(level)) {
          problems.add(
              source
                  .error(
                      "/spec/" + field.path(),
                      field.path()
                          + " is not an option of "
                          + levelName(level)
                          + " in PVE ("
                          + field.parameter()
                          + ")")
                  .withHint("it applies to " + where(field)));
        }
      }
      String key = spec.remote() + "\u0000" + options.target();
      String other = places.putIfAbsent(key, options.metadata().name());
      if (other != null) {
        problems.add(
            source
                .error(
                    "/metadata/name",
                    "FirewallOptions '"
                        + other
                        + "' already declares the options of "
                        + options.target().describe()
                        + " on "
                        + spec.remote())
                .withHint("merge the two documents into one"));
      }
    }
    return problems;
  }

  private static String levelName(Level level) {
    return switch (level) {
      case CLUSTER -> "the cluster (no node, no vmid)";
      case NODE -> "a node's host firewall";
      case GUEST -> "a guest";
    };
  }

  private static String where(FirewallField field) {
    return java.util.Arrays.stream(Level.values())
        .filter(field::appliesTo)
        .map(FirewallCheck::levelName)
        .collect(Collectors.joining(" and "));
  }
}
