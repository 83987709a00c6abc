package io.pdmgitops.webui.edit;

import io.pdmgitops.model.access.Caller;
import io.pdmgitops.webui.write.IntentOutcome;
import java.util.Optional;

/** What the editor asks of the controller; every method may block (Git, the loader). */
public interface EditPort {
  /**
   * The Remotes the commit in force declares, by name, PVE clusters first: a new Guest's template
   * names the first.
   */
  java.util.List<String> remotes();

  /** The files at the commit in force; empty before the first valid commit. */
  Optional<RepositoryTree> tree();

  /**
   * A file at the commit in force, or a new one.
   *
   * @throws io.pdmgitops.webui.api.NotFoundException when the path is not a desired-state file the
   *     editor may open (outside the directory, not YAML, holding credential hashes)
   */
  EditorFile open(String path);

  /**
   * The file with a Guest document appended that declares an undeclared guest as it is observed now
   * (its power as it is, so adopting sends nothing).
   *
   * @throws io.pdmgitops.webui.api.NotFoundException when the guest is not observed, or Git already
   *     declares it
   */
  EditorFile adopt(String path, String remote, int vmid);

  /** The edit checked as the commit would check it; bounded, may answer "busy" as a problem. */
  EditCheck check(Caller caller, String path, String text);

  /** The unified diff of the edit against the commit in force. */
  String diff(String path, String text);

  /**
   * Commits the edit as the caller: rebased when the branch moved and it applies cleanly, refused
   * with the reason otherwise; the text is never lost (the caller keeps it).
   */
  IntentOutcome commit(Caller caller, String path, String text, String baseCommit, String message);
}
