package io.pdmgitops.controller.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting one YAML document out of a multi-document file, by a line inside it. */
class DocumentTextTest {
  static final List<String> FILE =
      List.of(
          "# guests of dc-east", // 1
          "kind: Guest", // 2
          "metadata: {name: a}", // 3
          "", // 4
          "--- # b", // 5
          "kind: Guest", // 6
          "metadata:", // 7
          "  name: b", // 8
          "...", // 9
          "---", // 10
          "kind: Guest", // 11
          "metadata: {name: c}"); // 12

  @Test
  void theFirstDocumentRunsFromTheFileStartToTheSeparatorWithoutTrailingBlankLines() {
    assertThat(DocumentText.around(FILE, 3))
        .isEqualTo(new DocumentText(1, 3, "# guests of dc-east\nkind: Guest\nmetadata: {name: a}"));
  }

  @Test
  void aMiddleDocumentEndsAtTheDocumentEndMarker() {
    assertThat(DocumentText.around(FILE, 8))
        .isEqualTo(new DocumentText(6, 8, "kind: Guest\nmetadata:\n  name: b"));
  }

  @Test
  void theLastDocumentRunsToTheFileEnd() {
    assertThat(DocumentText.around(FILE, 12))
        .isEqualTo(new DocumentText(11, 12, "kind: Guest\nmetadata: {name: c}"));
  }

  @Test
  void aLineOnASeparatorBelongsToTheDocumentItOpens() {
    assertThat(DocumentText.around(FILE, 5).firstLine()).isEqualTo(6);
    assertThat(DocumentText.around(FILE, 10).firstLine()).isEqualTo(11);
  }

  @Test
  void aDocumentAfterAnEndMarkerWithoutSeparatorStartsAfterTheMarker() {
    List<String> file = List.of("kind: Guest", "metadata: {name: a}", "...", "kind: Guest", "x: 1");
    assertThat(DocumentText.around(file, 5)).isEqualTo(new DocumentText(4, 5, "kind: Guest\nx: 1"));
  }

  @Test
  void anEmptyFileGivesAnEmptyDocument() {
    assertThat(DocumentText.around(List.of(), 3)).isEqualTo(new DocumentText(1, 1, ""));
  }

  @Test
  void aHugeDocumentIsCutWithANote() {
    List<String> big = new ArrayList<>(List.of("kind: Guest"));
    big.addAll(Collections.nCopies(1_000, "# filler"));
    DocumentText document = DocumentText.around(big, 1);
    assertThat(document.text().lines().count()).isEqualTo(DocumentText.MAX_LINES + 1);
    assertThat(document.text()).endsWith("the whole file is linked above");
    // The link marks the lines shown, not the note after them.
    assertThat(document.lastLine()).isEqualTo(DocumentText.MAX_LINES);
  }
}
