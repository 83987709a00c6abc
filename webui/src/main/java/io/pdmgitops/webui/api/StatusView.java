package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/v1/status: the fleet at a glance.
 *
 * @param sync resources per sync status (SYNCED, OUT_OF_SYNC, UNKNOWN)
 * @param health resources per health
 * @param conditions what is wrong with the controller now (store, Git, remotes), errors first
 */
public record StatusView(
    Map<String, Long> sync,
    Map<String, Long> health,
    List<RemoteView> remotes,
    Optional<CommitView> lastCommit,
    Optional<CommitView> lastGoodCommit,
    boolean suspended,
    Optional<String> observedAt,
    List<ConditionView> conditions) {

  /** Nothing known yet, or nothing the caller may see. */
  public static StatusView empty() {
    return new StatusView(
        Map.of(),
        Map.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        List.of());
  }

  /**
   * An active condition: {@code kind} is e.g. {@code store-unavailable}, {@code since} an ISO
   * instant.
   */
  public record ConditionView(
      String kind, String severity, String subject, String message, String since) {}

  /** One remote's reachability. */
  public record RemoteView(String name, String health, String sync, String message) {}

  /** A commit and, when it did not validate, its problems. */
  public record CommitView(
      String sha,
      String author,
      String message,
      String time,
      boolean valid,
      List<ProblemView> problems) {}

  /** A validation problem, compiler style. */
  public record ProblemView(
      String severity, String file, int line, int column, String message, Optional<String> hint) {
    public static ProblemView of(io.pdmgitops.model.load.Problem p) {
      return new ProblemView(
          p.severity().label(),
          p.location().file(),
          p.location().line(),
          p.location().column(),
          p.message(),
          p.hint());
    }
  }
}
