package io.pdmgitops.webui.api;

import java.util.List;
import reactor.core.publisher.Mono;

/** The controller's history: commits, newest first, with their problems and actions. */
@FunctionalInterface
public interface HistoryPort {
  /** At most {@code limit} commits (bounded by the caller). */
  Mono<List<HistoryEntry>> history(int limit);
}
