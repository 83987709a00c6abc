package io.pdmgitops.model.drift;

import io.pdmgitops.model.desired.Kind;
import java.util.Objects;

/**
 * An object of a configuration kind on a remote that no document declares (a backup job made in
 * PVE's UI): shown, and left alone unless its remote opts in to pruning.
 *
 * @param id its id on the remote
 * @param summary one line for people: what it is
 */
public record UnmanagedObject(Kind kind, String remote, String id, String summary) {
  public UnmanagedObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
  }
}
