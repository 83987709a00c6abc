package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.observed.Inventory;

/**
 * Snapshot x inventory → drift report, for the kinds that ship with the model (remotes and guests);
 * the loop judges every registered kind through its own {@link Rulebook}. Pure: same inputs, same
 * report.
 */
public final class DriftDetector {
  private static final Rulebook BUILT_IN = Rulebook.builtIn();

  private DriftDetector() {}

  /**
   * @param defaultPolicy the policy of guests that declare none
   */
  public static DriftReport detect(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    return BUILT_IN.detect(state, inventory, defaultPolicy);
  }
}
