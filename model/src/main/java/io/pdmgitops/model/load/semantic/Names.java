package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.Suggestions;
import java.util.Collection;

/** Wording shared by the reference checks. */
final class Names {
  private Names() {}

  /** "did you mean 'dc-east'?", or which names exist, or that none do. */
  static String suggest(String wanted, Kind kind, Collection<String> existing) {
    if (existing.isEmpty()) {
      return "there is no " + kind.kindName() + " in this repository yet: add one or fix the name";
    }
    return Suggestions.hint(wanted, existing, kind.kindName() + "s in this repository: ");
  }
}
