package io.pdmgitops.webui.api;

import java.util.List;

/**
 * A file of the desired-state repository as it was at one commit: the page every declaration links
 * to, with an anchor per line.
 *
 * @param path relative to the desired-state directory, as problems and declarations name it
 */
public record SourceFile(String commit, String path, List<String> lines) {
  public SourceFile {
    lines = List.copyOf(lines);
  }
}
