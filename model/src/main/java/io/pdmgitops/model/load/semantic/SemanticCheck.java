package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.load.Problem;
import java.util.List;

/** One family of rules about how documents fit together. */
public interface SemanticCheck {
  List<Problem> check(LoadedObjects objects);

  /** All checks, in the order their problems are most useful to read. */
  static List<SemanticCheck> all() {
    return List.of(
        new UniquenessCheck(),
        new RemoteCheck(),
        new RemoteGroupCheck(),
        new GuestReferenceCheck(),
        new AccessCheck(),
        new ViewRuleCheck());
  }
}
