package io.pdmgitops.webui.write;

import io.pdmgitops.model.access.Caller;

/** Turns a one-click intent into a commit; blocking (Git), so called off the event loop. */
public interface IntentPort {
  IntentOutcome request(Caller caller, String remote, int vmid, GuestIntent intent);
}
