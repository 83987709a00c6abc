package io.pdmgitops.webui.live;

import java.util.Objects;

/**
 * Something changed that open pages may want to show.
 *
 * @param name the SSE event name: {@code fleet} (a cycle published new verdicts), {@code commit} (a
 *     commit was fetched), {@code action} (an action ended)
 * @param data a short text for the page, never a secret
 */
public record LiveEvent(String name, String data) {
  public LiveEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }
}
