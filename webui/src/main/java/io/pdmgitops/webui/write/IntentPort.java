package io.pdmgitops.webui.write;

import io.pdmgitops.model.access.Caller;

/** Turns a one-click intent into a commit; blocking (Git), so called off the event loop. */
public interface IntentPort {
  IntentOutcome request(Caller caller, String remote, int vmid, GuestIntent intent);

  /** "Move to...": the guest's placement set as asked, one commit like any intent. */
  IntentOutcome move(Caller caller, String remote, int vmid, GuestMove move);
}
