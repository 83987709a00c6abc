package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
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

  /**
   * Sends a call PVE answers at once (no task runs), journaled under {@code id}: finished when it
   * answers; left planned when the answer was lost, for {@link #settleCall} to read the remote; not
   * sent when the remote refused it or could not be called.
   *
   * @param call builds the call; an {@link IllegalStateException} means the remote cannot be called
   *     (its message fit for the journal, no secret)
   * @param refused the result of a refusal; {@link ReconcileResult#of} unless a kind says it better
   */
  public static Mono<ReconcileResult> sendCall(
      ActionJournal journal,
      long id,
      Supplier<Mono<Void>> call,
      Function<RemoteApiException, ReconcileResult> refused) {
    Mono<Void> sent;
    try {
      sent = call.get();
    } catch (IllegalStateException e) {
      return record(
          () -> journal.notSent(id, e.getMessage()), ReconcileResult.failed(e.getMessage()));
    }
    return sent.then(record(() -> journal.finished(id, "OK"), ReconcileResult.done()))
        .onErrorResume(
            RemoteApiException.class,
            e ->
                e instanceof OutcomeUnknownException
                    // Left as planned: the next run reads the remote and settles it.
                    ? Mono.just(ReconcileResult.retryable(e.getMessage()))
                    : record(() -> journal.notSent(id, e.getMessage()), refused.apply(e)));
  }

  /**
   * Settles a call whose answer was lost by what the remote shows now: there, it is finished; not
   * there, it was never applied, and the next cycle plans it afresh. Nothing is sent here.
   *
   * @param landed reads the remote; an {@link IllegalStateException} means it cannot be called
   */
  public static Mono<ReconcileResult> settleCall(
      ActionJournal journal, long id, Supplier<Mono<Boolean>> landed) {
    return Mono.defer(landed)
        .flatMap(
            there ->
                there
                    ? record(
                        () -> journal.finished(id, "OK (found on the remote after a restart)"),
                        ReconcileResult.done())
                    : record(
                        () -> journal.notSent(id, "not found on the remote: never applied"),
                        ReconcileResult.requeueAfter(
                            Duration.ZERO, "earlier change was never applied")))
        .onErrorResume(RemoteApiException.class, e -> Mono.just(ReconcileResult.of(e)))
        .onErrorResume(
            IllegalStateException.class, e -> Mono.just(ReconcileResult.retryable(e.getMessage())));
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
