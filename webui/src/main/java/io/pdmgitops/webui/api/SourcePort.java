package io.pdmgitops.webui.api;

/** Files of the desired-state repository at a commit; implemented by the controller. */
@FunctionalInterface
public interface SourcePort {
  /**
   * The file at the commit. Fails with {@link NotFoundException} when the commit or the file is not
   * there (or the path leaves the desired-state directory). Blocks: call off the event loop.
   */
  SourceFile file(String commit, String path);
}
