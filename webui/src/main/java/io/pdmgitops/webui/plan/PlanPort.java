package io.pdmgitops.webui.plan;

/** Plans a candidate desired state against the live fleet; implemented by the controller. */
public interface PlanPort {
  /**
   * Blocking: may fetch from the repository.
   *
   * @throws PlanRefusedException when the request cannot be planned (a bad path, an unknown ref, no
   *     observation yet, another plan running)
   */
  PlanReport plan(PlanRequest request);
}
