package io.pdmgitops.controller.ports;

import java.util.List;

/**
 * The YAML document of a multi-document file that holds a given line: from the line after the
 * previous {@code ---} (or the file's start) to the line before the next {@code ---} or {@code ...}
 * (or the file's end), trailing blank lines dropped.
 *
 * @param firstLine 1-based line of the file where {@code text} starts
 * @param lastLine 1-based line of the file where the part shown ends (a cut document ends before
 *     the file's document does; the note that says so is no line of the file)
 */
record DocumentText(int firstLine, int lastLine, String text) {
  /** Longest document shown; longer ones are cut with a note. */
  static final int MAX_LINES = 400;

  static DocumentText around(List<String> lines, int line) {
    if (lines.isEmpty()) {
      return new DocumentText(1, 1, "");
    }
    int at = Math.max(0, Math.min(line - 1, lines.size() - 1));
    int start = 0;
    // A separator line opens the document after it, so the search starts on the line itself.
    for (int i = at; i >= 0; i--) {
      if (isDocumentStart(lines.get(i)) || (i < at && lines.get(i).startsWith("..."))) {
        start = i + 1;
        break;
      }
    }
    int end = lines.size();
    for (int i = Math.max(at + 1, start); i < lines.size(); i++) {
      if (isDocumentStart(lines.get(i)) || lines.get(i).startsWith("...")) {
        end = i;
        break;
      }
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    List<String> document = lines.subList(start, end);
    int shown = Math.min(document.size(), MAX_LINES);
    if (document.size() > MAX_LINES) {
      document = new java.util.ArrayList<>(document.subList(0, MAX_LINES));
      document.add("# … cut at " + MAX_LINES + " lines; the whole file is linked above");
    }
    return new DocumentText(start + 1, start + Math.max(shown, 1), String.join("\n", document));
  }

  private static boolean isDocumentStart(String line) {
    return line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
  }
}
