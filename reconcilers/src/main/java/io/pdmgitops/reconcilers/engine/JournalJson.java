package io.pdmgitops.reconcilers.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a kind's action parameters in the journal, for the kinds' codecs. */
public final class JournalJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JournalJson() {}

  public static String write(Object params) {
    return JSON.writeValueAsString(params);
  }

  /** A row's parameters; a row no codec can read is named in the error, not guessed at. */
  public static <T> T read(JournaledAction stored, Class<T> type) {
    try {
      return JSON.readValue(stored.params(), type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "journal row of " + stored.resource() + " has unreadable parameters", e);
    }
  }
}
