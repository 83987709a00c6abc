package io.pdmgitops.reconcilers.api;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "VM is locked (backup)": another operation holds the guest; retry after it ends. */
public final class GuestLockedException extends RemoteApiException {
  private static final Pattern LOCK = Pattern.compile("is locked \\(([^)]+)\\)");

  private final Optional<String> lock;

  public GuestLockedException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
    Matcher m = LOCK.matcher(message);
    this.lock = m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The lock, e.g. {@code backup} or {@code migrate}. */
  public Optional<String> lock() {
    return lock;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
