package io.pdmgitops.model.observed;

import io.pdmgitops.model.desired.Kind;
import java.util.Objects;

/**
 * A kind's read of a remote that failed (a token without the privilege, a timeout): its objects
 * there are judged as not observed, and the reason is shown with them.
 */
public record UnreadPart(Kind kind, String reason) implements ObservedPart {
  public UnreadPart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
