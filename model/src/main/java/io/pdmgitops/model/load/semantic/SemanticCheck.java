package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.Problem;
import java.util.ArrayList;
import java.util.List;

/** One family of rules about how documents fit together. */
public interface SemanticCheck {
  List<Problem> check(LoadedObjects objects);

  /** All checks, in the order their problems are most useful to read. */
  static List<SemanticCheck> all() {
    List<SemanticCheck> checks =
        new ArrayList<>(
            List.of(
                new UniquenessCheck(),
                new RemoteCheck(),
                new RemoteGroupCheck(),
                new GuestReferenceCheck(),
                new AccessCheck(),
                new ViewRuleCheck()));
    for (Kind kind : Kind.values()) {
      kind.check().ifPresent(checks::add); // a kind's own rules, from its own package
    }
    return checks;
  }
}
