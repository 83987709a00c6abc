package io.pdmgitops.webui.audit;

import java.util.List;
import reactor.core.publisher.Mono;

/** The audit log as the pages read it. */
@FunctionalInterface
public interface AuditPort {
  Mono<List<AuditEntry>> recent(AuditQuery query);
}
