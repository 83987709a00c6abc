package io.pdmgitops.controller.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * What a queue's owner tells it about each key when it is queued and started: whose concurrency
 * limit its run counts against (a guest's remote), and how long one run may last (its action's
 * budget, the same the executor follows the task for).
 */
public interface KeyBudget<K> {
  /** The group whose limit the key's run counts against, if any. */
  Optional<String> group(K key);

  /** How long one run of the key may take before it counts as a retryable failure. */
  Duration timeout(K key);

  /** No groups, one timeout for every key. */
  static <K> KeyBudget<K> uniform(Duration timeout) {
    return new KeyBudget<>() {
      @Override
      public Optional<String> group(K key) {
        return Optional.empty();
      }

      @Override
      public Duration timeout(K key) {
        return timeout;
      }
    };
  }
}
