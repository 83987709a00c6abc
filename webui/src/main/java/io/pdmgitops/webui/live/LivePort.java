package io.pdmgitops.webui.live;

import reactor.core.publisher.Flux;

/** The controller's changes as a hot stream; a slow subscriber misses events, never blocks. */
@FunctionalInterface
public interface LivePort {
  Flux<LiveEvent> events();
}
