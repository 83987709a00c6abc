package io.pdmgitops.webui.plan;

import io.pdmgitops.webui.api.ResourceView.DriftView;
import io.pdmgitops.webui.api.StatusView.ProblemView;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code POST /api/v1/plan}: shared by the controller that writes it and the command
 * line that prints it.
 *
 * @param valid whether the candidate loads; when not, {@code problems} says why and nothing else is
 *     judged
 * @param changes whether merging the candidate would change anything, in Git or on a remote
 * @param target what was planned, for people: {@code branch feature-x}, {@code directory (12
 *     files)}
 * @param sha the candidate's commit, when it came from the repository
 * @param baseSha the commit in force the candidate is compared with
 * @param observedAt when the fleet the plan is judged against was observed (ISO instant)
 */
public record PlanReport(
    boolean valid,
    boolean changes,
    String target,
    Optional<String> sha,
    Optional<String> baseSha,
    Optional<String> observedAt,
    Summary summary,
    List<ProblemView> problems,
    List<Item> resources) {
  public PlanReport {
    sha = sha == null ? Optional.empty() : sha;
    baseSha = baseSha == null ? Optional.empty() : baseSha;
    observedAt = observedAt == null ? Optional.empty() : observedAt;
    problems = problems == null ? List.of() : List.copyOf(problems);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** Counts, for the first line of a comment. */
  public record Summary(long actions, long blocked, long added, long changed, long removed) {}

  /**
   * One resource of the plan.
   *
   * @param change how Git changes it: {@code added}, {@code changed}, {@code removed}, {@code none}
   * @param sync its verdict against the fleet, for kinds the controller observes
   * @param action what the controller would send first ({@code shutdown}, {@code migrate}...)
   * @param reason why, for the action
   * @param blocked why the action its drift asks for would not be sent
   */
  public record Item(
      String kind,
      String name,
      String change,
      Optional<String> sync,
      Optional<String> health,
      Optional<String> policy,
      List<DriftView> drifts,
      Optional<String> action,
      Optional<String> reason,
      Optional<String> blocked,
      Optional<String> remote,
      Optional<Integer> vmid,
      Optional<String> message) {
    public Item {
      sync = sync == null ? Optional.empty() : sync;
      health = health == null ? Optional.empty() : health;
      policy = policy == null ? Optional.empty() : policy;
      drifts = drifts == null ? List.of() : List.copyOf(drifts);
      action = action == null ? Optional.empty() : action;
      reason = reason == null ? Optional.empty() : reason;
      blocked = blocked == null ? Optional.empty() : blocked;
      remote = remote == null ? Optional.empty() : remote;
      vmid = vmid == null ? Optional.empty() : vmid;
      message = message == null ? Optional.empty() : message;
    }
  }
}
