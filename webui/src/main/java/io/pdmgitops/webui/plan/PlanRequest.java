package io.pdmgitops.webui.plan;

import java.util.Map;
import java.util.Optional;

/**
 * What to plan: a {@code ref} of the desired-state repository (branch, tag or commit id), or the
 * {@code files} of a directory (path relative to the desired-state root, to its text). Exactly one.
 */
public record PlanRequest(Optional<String> ref, Optional<Map<String, String>> files) {
  public PlanRequest {
    ref = ref == null ? Optional.empty() : ref;
    files = files == null ? Optional.empty() : files.map(Map::copyOf);
  }

  public static PlanRequest ofRef(String ref) {
    return new PlanRequest(Optional.of(ref), Optional.empty());
  }

  public static PlanRequest ofFiles(Map<String, String> files) {
    return new PlanRequest(Optional.empty(), Optional.of(files));
  }
}
