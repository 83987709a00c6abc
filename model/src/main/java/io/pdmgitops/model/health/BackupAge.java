package io.pdmgitops.model.health;

import java.time.Duration;

/**
 * A backup limit as Git writes it: a number and {@code h} or {@code d} ({@code 48h}, {@code 7d}).
 */
public final class BackupAge {
  /** Without a limit in Git: two days, room for one failed nightly run. */
  public static final Duration DEFAULT = Duration.ofHours(48);

  private BackupAge() {}

  /** Written where a guest needs no backup. */
  public static final String NONE = "none";

  /**
   * The limit; empty for {@value #NONE}.
   *
   * @throws IllegalArgumentException for text the schema's pattern would refuse
   */
  public static java.util.Optional<Duration> limit(String text) {
    return NONE.equals(text) ? java.util.Optional.empty() : java.util.Optional.of(parse(text));
  }

  /**
   * @throws IllegalArgumentException for text the schema's pattern would refuse
   */
  public static Duration parse(String text) {
    if (text == null || !text.matches("[1-9][0-9]{0,4}[hd]")) {
      throw new IllegalArgumentException(
          "backupMaxAge '" + text + "': write a number and h or d, e.g. 48h or 7d, or none");
    }
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return text.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
  }

  /** {@code 48h}, {@code 7d}: hours up to two days, as limits are usually written. */
  public static String format(Duration d) {
    return d.toHours() % 24 == 0 && d.toDays() > 2 ? d.toDays() + "d" : d.toHours() + "h";
  }
}
