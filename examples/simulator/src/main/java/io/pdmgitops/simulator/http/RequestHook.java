package io.pdmgitops.simulator.http;

/**
 * Lets a test act at the two moments a crash test needs: a request has arrived but the remote has
 * not acted on it, and the remote has acted but its answer is not written yet. Both run on a worker
 * thread and may block; a request whose client is gone when {@link #beforeHandling} returns is
 * dropped, as a remote never acts on a call it did not receive whole.
 */
public interface RequestHook {
  RequestHook NONE = new RequestHook() {};

  default void beforeHandling(ApiRequest request) {}

  default void afterHandling(ApiRequest request, int status) {}
}
