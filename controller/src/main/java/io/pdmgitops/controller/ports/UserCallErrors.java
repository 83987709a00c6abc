package io.pdmgitops.controller.ports;

import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.reconcilers.api.PermissionDeniedException;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.api.RemoteRefusedException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * How a call a user makes on a remote (stop a task, read a changelog, refresh an index) fails in
 * the user's words: the remote refusing the chosen token is a {@link RemoteRefusedException} that
 * names the token and the remote's missing privilege; no answer in time or any other remote error
 * is a {@link RemoteReadException} that names the remote.
 */
public final class UserCallErrors {
  private UserCallErrors() {}

  /** The call, bounded by {@code timeout}, its failures as the pages and API show them. */
  public static <T> Mono<T> mapped(Mono<T> call, String remote, RemoteToken via, Duration timeout) {
    return call.timeout(timeout)
        .onErrorMap(
            PermissionDeniedException.class,
            e -> new RemoteRefusedException(refusal(remote, via, e)))
        .onErrorMap(
            e -> e instanceof RemoteApiException || e instanceof TimeoutException,
            e ->
                new RemoteReadException(
                    TaskCollector.withRemote(
                        remote,
                        e instanceof TimeoutException
                            ? "no answer within " + timeout.toSeconds() + " s"
                            : e.getMessage())));
  }

  /**
   * "dc-east refused token 'pool-ops' of remote group east-site: Permission check failed (...)".
   */
  public static String refusal(String remote, RemoteToken via, Throwable e) {
    String said = e.getMessage() == null ? "permission denied" : e.getMessage();
    if (said.startsWith(remote + ": ")) {
      said = said.substring(remote.length() + 2);
    }
    return remote + " refused " + via.describe() + ": " + said;
  }
}
