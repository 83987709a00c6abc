package io.pdmgitops.webui.edit;

import java.util.List;

/**
 * The desired-state files at the commit in force, with the objects each declares.
 *
 * @param commit the commit in force
 */
public record RepositoryTree(String commit, List<TreeFile> files) {
  public RepositoryTree {
    files = List.copyOf(files);
  }

  /**
   * One file.
   *
   * @param declares {@code Kind/name} of each object the file declares
   * @param editable whether the editor opens it (a file holding credential hashes is edited in Git)
   */
  public record TreeFile(String path, List<String> declares, boolean editable) {
    public TreeFile {
      declares = List.copyOf(declares);
    }
  }
}
