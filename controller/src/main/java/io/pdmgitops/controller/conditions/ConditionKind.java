package io.pdmgitops.controller.conditions;

import java.util.Locale;

/** The kinds of trouble an operator is told about; each names what it stops. */
public enum ConditionKind {
  /** The status store cannot be written: no action is sent until it can. */
  STORE_UNAVAILABLE("error"),
  /** The desired-state repository cannot be fetched: the last good commit stays in force. */
  GIT_FETCH_FAILED("warning"),
  /** The newest commit did not validate: the last good commit stays in force. */
  COMMIT_REJECTED("warning"),
  /** A remote did not answer its last poll: nothing is planned for it. */
  REMOTE_UNREACHABLE("warning");

  private final String severity;

  ConditionKind(String severity) {
    this.severity = severity;
  }

  /** {@code error} or {@code warning}, as problems are spelled. */
  public String severity() {
    return severity;
  }

  /** {@code store-unavailable}: the spelling of the API, the metrics and the log. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
