package io.pdmgitops.reconcilers.api;

import java.util.Optional;

/**
 * {@code GET /nodes/{node}/tasks/{upid}/status}. A task succeeded when its exit status is {@code
 * OK} or {@code WARNINGS: n}; anything else is the error text.
 *
 * @param starttime epoch seconds; when the answer leaves it out, the UPID's, never 0
 */
public record TaskStatus(
    String upid,
    String node,
    String type,
    Optional<String> id,
    String user,
    Optional<String> tokenid,
    long starttime,
    String status,
    Optional<String> exitstatus) {
  public TaskStatus {
    starttime = Upid.starttimeOr(upid, starttime);
  }

  public boolean isRunning() {
    return "running".equals(status);
  }

  public boolean succeeded() {
    return exitstatus.map(TaskStatus::isSuccess).orElse(false);
  }

  public static boolean isSuccess(String exit) {
    return exit.equals("OK") || exit.matches("WARNINGS: \\d+");
  }
}
