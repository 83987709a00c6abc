package io.pdmgitops.model.health;

import io.pdmgitops.model.desired.GuestType;
import java.time.Duration;
import java.util.Objects;

/**
 * A guest Git declares, with how old its newest backup may be.
 *
 * @param limit empty when it needs no backup ({@code backupMaxAge: none})
 * @param limitFrom where the limit comes from: {@code guest}, {@code view <name>} or {@code
 *     default}
 */
public record DeclaredBackup(
    String remote,
    int vmid,
    GuestType type,
    String name,
    java.util.Optional<Duration> limit,
    String limitFrom) {
  public DeclaredBackup {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(limitFrom, "limitFrom");
  }

  /** PBS's backup type for the guest: {@code vm} or {@code ct}. */
  public String backupType() {
    return type == GuestType.QEMU ? "vm" : "ct";
  }
}
