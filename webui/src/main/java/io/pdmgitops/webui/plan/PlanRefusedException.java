package io.pdmgitops.webui.plan;

/**
 * A plan request that cannot be answered with a plan, and the status that says why: 400 a bad
 * request, 404 an unknown ref, 503 not yet or not now (try again later).
 */
public final class PlanRefusedException extends RuntimeException {
  private final int status;

  public PlanRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
