package io.pdmgitops.reconcilers.pve;

import java.util.ArrayList;
import java.util.List;

/**
 * The lists PVE sends as one string: tags ({@code "prod;web"}; older versions also ',' or spaces)
 * and a storage's content ({@code "images,rootdir"}). Empty parts are dropped.
 */
final class PveLists {
  private PveLists() {}

  static List<String> tags(String text) {
    return split(text, true);
  }

  static List<String> commaSeparated(String text) {
    return split(text, false);
  }

  private static List<String> split(String text, boolean tags) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? ',' : text.charAt(i);
      if (c == ',' || (tags && (c == ';' || c == ' '))) {
        if (i > start) {
          parts.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return List.copyOf(parts);
  }
}
