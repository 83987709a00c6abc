package io.pdmgitops.reconcilers.engine;

import reactor.core.publisher.Mono;

/**
 * Makes one resource of kind {@code K} match its desired state: target from the spec, observe
 * through the client, act. Expected outcomes come back as {@link ReconcileResult}s; an error signal
 * means a bug, and the dispatcher turns it into a retryable result at one boundary.
 */
@FunctionalInterface
public interface Reconciler<K> {
  Mono<ReconcileResult> reconcile(K resource);
}
