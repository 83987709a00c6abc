package io.pdmgitops.webui.pages;

import io.pdmgitops.webui.api.NextStep;
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
          .add(new Row(r, NextStep.of(r)));
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
}
