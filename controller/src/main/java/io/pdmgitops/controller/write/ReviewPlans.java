package io.pdmgitops.controller.write;

import io.pdmgitops.webui.plan.PlanPort;
import io.pdmgitops.webui.plan.PlanRefusedException;
import io.pdmgitops.webui.plan.PlanReport;
import io.pdmgitops.webui.plan.PlanRequest;
import java.util.List;

/**
 * The plan of a branch pushed for review, in one sentence for the page that pushed it: what the
 * controller would send once it is merged for the objects the branch changes, judged against the
 * fleet now; actions due on the fleet anyway are counted, not named.
 */
public final class ReviewPlans {
  /** Actions named in the sentence; the rest are counted. */
  static final int NAMED = 5;

  private final PlanPort plans;

  public ReviewPlans(PlanPort plans) {
    this.plans = plans;
  }

  public String summary(String branch) {
    PlanReport plan;
    try {
      plan = plans.plan(PlanRequest.ofRef(branch));
    } catch (PlanRefusedException e) {
      return "No plan of it yet: " + e.getMessage() + ".";
    }
    if (!plan.valid()) {
      return "Its plan finds it invalid: " + plan.problems().size() + " problem(s).";
    }
    // What the branch itself asks for first; drift the controller corrects anyway is only counted.
    List<String> own =
        plan.resources().stream()
            .filter(i -> i.action().isPresent() && !i.change().equals("none"))
            .map(i -> i.action().get() + " " + i.kind() + "/" + i.name())
            .toList();
    long anyway =
        plan.resources().stream()
            .filter(i -> i.action().isPresent() && i.change().equals("none"))
            .count();
    String others =
        anyway == 0
            ? ""
            : " ("
                + anyway
                + (anyway == 1 ? " other action is" : " other actions are")
                + " due on the fleet anyway)";
    if (own.isEmpty()) {
      return "Once merged, nothing it changes would be sent to a remote" + others + ".";
    }
    String named = String.join(", ", own.subList(0, Math.min(NAMED, own.size())));
    return "Once merged, the controller would send: "
        + named
        + (own.size() > NAMED ? " and " + (own.size() - NAMED) + " more" : "")
        + others
        + ".";
  }
}
