package io.pdmgitops.webui.audit;

/** What the audit log records. */
public enum AuditKind {
  LOGIN,
  LOGIN_FAILED,
  LOGOUT,
  SESSION_ENDED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  TOKEN_USED,
  TOKEN_REFUSED,
  TFA_ENROLLED,
  TFA_REMOVED,
  TFA_FAILED,
  RECOVERY_USED,
  DENIED,
  SYNC_REQUESTED,
  SUSPENDED,
  RESUMED,
  TASK_STOPPED,
  TASK_STOP_FAILED,
  PACKAGE_INDEX_REFRESHED,
  PACKAGE_INDEX_REFRESH_FAILED,
  SHELL_OPENED,
  SHELL_CLOSED,
  SHELL_REFUSED;

  /** As shown and filtered by: {@code login-failed}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<AuditKind> ofLabel(String label) {
    for (AuditKind kind : values()) {
      if (kind.label().equals(label)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
