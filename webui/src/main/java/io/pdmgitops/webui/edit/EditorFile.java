package io.pdmgitops.webui.edit;

/**
 * A file as the editor opens it.
 *
 * @param commit the commit in force the edit begins from; a commit rebases onto the branch if it
 *     moved since
 * @param exists false for a new file (its text is a template)
 */
public record EditorFile(String path, String commit, String text, boolean exists) {}
