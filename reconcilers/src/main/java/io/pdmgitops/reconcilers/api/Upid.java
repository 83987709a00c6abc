package io.pdmgitops.reconcilers.api;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task id. PVE's has 9 fields, PBS's 10 (an extra task counter). {@link #toString()} gives back
 * exactly the text that was parsed, so a UPID survives a round trip through the journal.
 *
 * @param taskId PBS only
 * @param user {@code user@realm} or {@code user@realm!token}
 */
public record Upid(
    Product product,
    String node,
    long pid,
    long pstart,
    Optional<Long> taskId,
    long starttime,
    String type,
    String id,
    String user,
    String text) {

  private static final Pattern PVE =
      Pattern.compile(
          "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9})"
              + ":([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");
  private static final Pattern PBS =
      Pattern.compile(
          "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9})"
              + ":([0-9A-Fa-f]{8,16}):([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

  /** Parses either format; empty when the text is not a UPID. */
  public static Optional<Upid> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PVE.matcher(text);
    if (m.matches()) {
      return Optional.of(
          new Upid(
              Product.PVE,
              m.group(1),
              hex(m.group(3)),
              hex(m.group(4)),
              Optional.empty(),
              hex(m.group(5)),
              m.group(6),
              m.group(7),
              m.group(8),
              text));
    }
    m = PBS.matcher(text);
    if (m.matches()) {
      return Optional.of(
          new Upid(
              Product.PBS,
              m.group(1),
              hex(m.group(3)),
              hex(m.group(4)),
              Optional.of(hex(m.group(5))),
              hex(m.group(6)),
              m.group(7),
              m.group(8),
              m.group(9),
              text));
    }
    return Optional.empty();
  }

  /**
   * A task's start as a task list or status answer gives it, or, where it left it out (read as 0),
   * the start the UPID itself encodes.
   *
   * @throws IllegalArgumentException when neither says: no task starts at the epoch
   */
  public static long starttimeOr(String upid, long starttime) {
    if (starttime > 0) {
      return starttime;
    }
    return parse(upid)
        .map(Upid::starttime)
        .orElseThrow(
            () -> new IllegalArgumentException("a task without a start time or a valid UPID"));
  }

  public Instant startedAt() {
    return Instant.ofEpochSecond(starttime);
  }

  private static long hex(String value) {
    return Long.parseUnsignedLong(value, 16);
  }

  @Override
  public String toString() {
    return text;
  }
}
