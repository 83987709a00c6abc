package io.pdmgitops.webui.edit;

import java.util.regex.Pattern;

/**
 * Which files the editor opens: a {@code .yaml} or {@code .yml} file inside the desired-state
 * directory, named with letters, digits, '.', '_', '-' and '/', at most 200 characters.
 */
public final class EditorPaths {
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*\\.ya?ml");

  private EditorPaths() {}

  public static boolean valid(String path) {
    return path.length() <= 200 && PATH.matcher(path).matches() && !path.contains("..");
  }

  /** Why a path is refused, for the page. */
  public static String refusal(String path) {
    return "'"
        + path
        + "' is not a .yaml or .yml file inside the desired-state directory (letters, digits, '.',"
        + " '_', '-' and '/'), e.g. guests/web-02.yaml";
  }
}
