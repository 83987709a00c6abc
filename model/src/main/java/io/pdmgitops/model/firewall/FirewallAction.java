package io.pdmgitops.model.firewall;

import io.pdmgitops.model.plan.ActionType;
import java.time.Duration;

/**
 * What the controller does to firewall options: one synchronous PUT (PVE writes the {@code .fw}
 * file and answers; no task runs), so the budget only covers a slow answer. Options always exist:
 * there is nothing to create or delete.
 */
public enum FirewallAction implements ActionType {
  UPDATE;

  @Override
  public Duration budget() {
    return Duration.ofMinutes(2);
  }
}
