package io.pdmgitops.controller.shell;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One frame a browser sends, checked before it reaches the remote: input {@code 0:<bytes>:<data>}
 * whose length is the data's UTF-8 size, a resize {@code 1:<cols>:<rows>:} within sane bounds, or
 * the keep-alive {@code 2}. Anything else is refused, so a page cannot smuggle other bytes to
 * termproxy.
 *
 * @param bytes the input's size in bytes (0 for a resize or keep-alive)
 * @param keepAlive whether it is the keep-alive, which does not count as activity
 */
public record ShellInput(String frame, int bytes, boolean keepAlive) {
  /** Longest input frame: a paste of 64 KiB, below termproxy's frame limit of 128 KiB. */
  public static final int MAX_INPUT = 64 * 1024;

  private static final Pattern INPUT = Pattern.compile("0:(\\d{1,6}):(.*)", Pattern.DOTALL);
  private static final Pattern RESIZE = Pattern.compile("1:(\\d{1,4}):(\\d{1,4}):");

  /** The frame checked; empty for one termproxy must not see. */
  public static Optional<ShellInput> of(String frame) {
    if (frame.equals("2")) {
      return Optional.of(new ShellInput(frame, 0, true));
    }
    Matcher r = RESIZE.matcher(frame);
    if (r.matches()) {
      int cols = Integer.parseInt(r.group(1));
      int rows = Integer.parseInt(r.group(2));
      return cols >= 1 && cols <= 1000 && rows >= 1 && rows <= 1000
          ? Optional.of(new ShellInput(frame, 0, false))
          : Optional.empty();
    }
    Matcher i = INPUT.matcher(frame);
    if (i.matches()) {
      int declared = Integer.parseInt(i.group(1));
      int actual = i.group(2).getBytes(StandardCharsets.UTF_8).length;
      return declared == actual && actual <= MAX_INPUT
          ? Optional.of(new ShellInput(frame, actual, false))
          : Optional.empty();
    }
    return Optional.empty();
  }
}
