package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.api.ResourceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drift page's content: every declared resource that is not Synced and Healthy, grouped by
 * remote and by reason, each with what the controller will do next.
 */
public record DriftGroups(Map<String, Map<String, List<Row>>> byRemote, int total) {

  /** One resource that needs attention. */
  public record Row(ResourceView resource, String next) {}

  public static DriftGroups of(List<ResourceView> resources) {
    Map<String, Map<String, List<Row>>> groups = new TreeMap<>();
    int total = 0;
    for (ResourceView r : resources) {
      if (r.sync().equals("SYNCED") && r.health().equals("HEALTHY")) {
        continue;
      }
      total++;
      String remote = r.kind().equals("Remote") ? r.name() : r.remote().orElse("not observed");
      groups
          .computeIfAbsent(remote, k -> new TreeMap<>())
          .computeIfAbsent(reason(r), k -> new ArrayList<>())
          .add(new Row(r, next(r)));
    }
    return new DriftGroups(groups, total);
  }

  static String reason(ResourceView r) {
    return switch (r.health()) {
      case "MISSING" -> "Missing";
      case "DEGRADED" -> "Degraded";
      case "PROGRESSING" -> "Progressing";
      default ->
          switch (r.sync()) {
            case "UNKNOWN" -> "Unknown";
            case "OUT_OF_SYNC" ->
                "OutOfSync: " + (r.drifts().isEmpty() ? "?" : r.drifts().get(0).field());
            default -> "Unhealthy";
          };
    };
  }

  /** What the controller does about it, in the words of its policy and plan. */
  static String next(ResourceView r) {
    if (r.sync().equals("UNKNOWN")) {
      return "waits until it can be observed";
    }
    if (!r.actionable()) {
      return "no action until resolved by hand";
    }
    if (r.health().equals("PROGRESSING")) {
      return "waits for the running task or lock";
    }
    if (!r.policy().equals("enforce")) {
      return "reports only (policy " + r.policy() + ")";
    }
    if (r.drifts().isEmpty()) {
      return "nothing to do";
    }
    ResourceView.DriftView d = r.drifts().get(0);
    return switch (d.field()) {
      case "power" -> d.desired().equals("running") ? "will start it" : "will shut it down";
      case "placement.node" -> "will migrate it to " + d.desired();
      case "placement.remote" -> "will move it to remote " + d.desired();
      case "restartedAt" -> "will reboot it once";
      default -> "will set " + d.field() + " to " + d.desired();
    };
  }
}
