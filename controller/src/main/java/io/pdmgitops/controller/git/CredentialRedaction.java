package io.pdmgitops.controller.git;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of the credential fields Git may hold (password hashes and token secret hashes)
 * in file text the pages show. A hash is not the secret, but shown to every reader it would invite
 * offline guessing; the line stays, so line numbers and problems still point at it.
 */
final class CredentialRedaction {
  /** What stands in for a hidden value. */
  static final String HIDDEN = "\"(hidden)\"";

  private static final String KEY = "(?<key>\\b(?:passwordHash|secretHash)[\"']?\\s*:\\s*)";
  private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?";

  // Block style: the key opens the line (after "- " in a list); a plain value runs to a comment.
  private static final Pattern BLOCK =
      Pattern.compile("^(?<lead>\\s*(?:-\\s+)?)" + KEY + "(?<value>" + QUOTED + "|.*?)(?=\\s+#|$)");

  // Flow style ({key: value, ...}): a plain value ends at a comma or bracket.
  private static final Pattern FLOW =
      Pattern.compile(KEY + "(?<value>" + QUOTED + "|[^\\s,}\\]#]+)");

  private CredentialRedaction() {}

  static List<String> redact(List<String> lines) {
    return lines.stream().map(CredentialRedaction::redact).toList();
  }

  static String redact(String line) {
    if (!line.contains("Hash")) {
      return line;
    }
    Matcher block = BLOCK.matcher(line);
    if (block.find()) {
      return block.group("lead") + block.group("key") + HIDDEN + line.substring(block.end());
    }
    Matcher m = FLOW.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group("key") + HIDDEN));
    }
    m.appendTail(out);
    return out.toString();
  }
}
