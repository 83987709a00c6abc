package io.pdmgitops.reconcilers.api;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 403: the token lacks a privilege; PVE names the ACL path and the privilege. */
public final class PermissionDeniedException extends RemoteApiException {
  private static final Pattern DETAIL =
      Pattern.compile("Permission check failed \\(([^,]+), ([^)]+)\\)");

  private final Optional<String> path;
  private final Optional<String> privilege;

  public PermissionDeniedException(String remote, OptionalInt status, String message) {
    super(remote, status, message);
    Matcher m = DETAIL.matcher(message);
    boolean found = m.find();
    this.path = found ? Optional.of(m.group(1)) : Optional.empty();
    this.privilege = found ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** The ACL path the check was made on, e.g. {@code /vms/100}. */
  public Optional<String> path() {
    return path;
  }

  /** The missing privilege, e.g. {@code VM.PowerMgmt}. */
  public Optional<String> privilege() {
    return privilege;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
