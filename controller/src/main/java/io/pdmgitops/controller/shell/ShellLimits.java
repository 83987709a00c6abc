package io.pdmgitops.controller.shell;

import java.time.Duration;

/**
 * The bounds of node shells ({@code pdm.shell.*}).
 *
 * @param perUser open shells one user may have
 * @param total open shells in all
 * @param idle a shell without input this long is closed (keep-alives do not count)
 * @param maxLength a shell open this long is closed, however busy
 */
public record ShellLimits(int perUser, int total, Duration idle, Duration maxLength) {
  public static final ShellLimits DEFAULTS =
      new ShellLimits(2, 10, Duration.ofMinutes(15), Duration.ofHours(8));

  public ShellLimits {
    if (perUser < 1 || total < 1) {
      throw new IllegalArgumentException(
          "pdm.shell.per-user and pdm.shell.total must allow at least one shell");
    }
    if (idle.isNegative() || idle.isZero() || maxLength.isNegative() || maxLength.isZero()) {
      throw new IllegalArgumentException(
          "pdm.shell.idle and pdm.shell.max-length must be longer than zero, e.g. 15m and 8h");
    }
  }
}
