package io.pdmgitops.webui.control;

/** What the control routes ask of the controller; each call is audited by the implementation. */
public interface ControlPort {
  /** A full cycle now: every remote observed, every resource planned. */
  String syncAll(String actor, String address);

  /**
   * The guest planned now, a failure it holds (permanent or backing off) forgotten so its action is
   * tried again.
   *
   * @throws io.pdmgitops.webui.api.NotFoundException when Git declares no such guest
   */
  String syncGuest(String remote, int vmid, String actor, String address);

  /** No actions until {@link #resume}, across restarts; observing and reporting go on. */
  String suspend(String reason, String actor, String address);

  String resume(String actor, String address);
}
