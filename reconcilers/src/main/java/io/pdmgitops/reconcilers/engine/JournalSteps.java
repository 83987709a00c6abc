package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.ObjectRef;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The journal's rules every kind's execution follows: an action whose end is not known is settled
 * before anything new is sent; a new one is journaled before it is sent; a journal that cannot be
 * written sends nothing. Journal calls block (JDBC) and run on the scheduler meant for that.
 */
public final class JournalSteps {
  private JournalSteps() {}

  /**
   * @param settle follows the resource's earlier action whose end is not known
   * @param send sends the action journaled under the given id
   */
  public static Mono<ReconcileResult> execute(
      ActionJournal journal,
      ObjectRef resource,
      JournaledAction action,
      String commitSha,
      Function<ActionJournal.Entry, Mono<ReconcileResult>> settle,
      LongFunction<Mono<ReconcileResult>> send) {
    return blocking(() -> journal.unfinished(resource))
        .flatMap(
            earlier ->
                earlier.isPresent()
                    ? settle.apply(earlier.get())
                    : blocking(() -> Optional.of(journal.planned(action, commitSha)))
                        .flatMap(id -> send.apply(id.orElseThrow())))
        .onErrorResume(
            JournalUnavailableException.class,
            e ->
                Mono.just(
                    ReconcileResult.retryable(
                        "the journal cannot be written, so nothing new is sent: "
                            + e.getMessage())));
  }

  /** Writes to the journal, then answers with the result. */
  public static Mono<ReconcileResult> record(Runnable write, ReconcileResult result) {
    return blocking(
            () -> {
              write.run();
              return Optional.of(true);
            })
        .thenReturn(result);
  }

  /** Blocking work on the scheduler for blocking work. */
  public static <T> Mono<Optional<T>> blocking(Callable<Optional<T>> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
