package io.pdmgitops.webui.api;

/** What the controller will do about a declared resource, in the words of its policy and plan. */
public final class NextStep {
  private NextStep() {}

  /** What the controller does about it, in the words of its policy and plan. */
  public static String of(ResourceView r) {
    if (r.sync().equals("UNKNOWN")) {
      return "waits until it can be observed";
    }
    if (!r.actionable()) {
      return "no action until resolved by hand";
    }
    if (r.health().equals("PROGRESSING")) {
      return "waits for the running task or lock";
    }
    if (!r.policy().equals("enforce")) {
      return "reports only (policy " + r.policy() + ")";
    }
    if (r.drifts().isEmpty()) {
      return "nothing to do";
    }
    if (r.failure().isPresent()) {
      ResourceView.FailureView f = r.failure().get();
      return f.permanent()
          ? "failed for good: waits for a change in Git or on the guest"
          : "failed " + f.attempts() + "x: retries at " + f.nextRetry().orElse("the next cycle");
    }
    ResourceView.DriftView d = r.drifts().get(0);
    return switch (d.field()) {
      case "power" -> d.desired().equals("running") ? "will start it" : "will shut it down";
      case "placement.node" -> "will migrate it to " + d.desired();
      case "placement.remote" -> "will move it to remote " + d.desired();
      case "restartedAt" -> "will reboot it once";
      default -> "will set " + d.field() + " to " + d.desired();
    };
  }
}
