package io.pdmgitops.controller.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's global suspend: a marker file in the data directory. While it exists the loop
 * observes and reports but sends nothing. A file, because it survives restarts and works from the
 * controller's host when the controller is down or wedged; {@code POST /api/v1/suspend} (Manage on
 * {@code /}) writes the same file.
 */
public final class SuspendSwitch {
  public static final String FILE_NAME = "SUSPENDED";
  private static final int MAX_REASON = 500;

  private final Path marker;

  public SuspendSwitch(Path dataDir) {
    this.marker = dataDir.resolve(FILE_NAME);
  }

  public boolean isOn() {
    return Files.exists(marker);
  }

  /** Who suspended and why, as written by {@link #suspend}. */
  public Optional<String> reason() {
    try {
      return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip())
          .filter(r -> !r.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void suspend(String reason, Instant at) throws IOException {
    Files.createDirectories(marker.getParent());
    String text = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    Files.writeString(marker, at + " " + text.strip() + "\n", StandardCharsets.UTF_8);
  }

  /** Returns whether it was suspended. */
  public boolean resume() throws IOException {
    return Files.deleteIfExists(marker);
  }

  public Path marker() {
    return marker;
  }
}
