package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> FIELDS = List.of("url", "fingerprint", "remote", "running");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "transposed letters,  fingreprint, fingerprint",
    "missing letter,      runing,      running",
    "wrong case,          URL,         url",
    "one letter off,      remota,      remote",
    "unrelated word,      password,    ''",
    "too short to guess,  x,           ''",
  })
  void suggestsOnlyLikelyTypos(String name, String input, String expected) {
    assertThat(Suggestions.closest(input, FIELDS).orElse("")).isEqualTo(expected);
  }
}
