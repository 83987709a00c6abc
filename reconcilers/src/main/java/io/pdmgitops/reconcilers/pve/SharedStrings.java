package io.pdmgitops.reconcilers.pve;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The string values that repeat on row after row of one answer (node, type, status, pool, tags):
 * each distinct value is decoded once, and every repeat is matched against the parser's characters
 * and answered with the same String, without decoding it again. A 1,000-guest cluster then holds
 * four node names, not a thousand copies. Bounded: past {@link #MAX_ENTRIES} distinct values, new
 * ones are decoded as usual and not kept.
 */
final class SharedStrings {
  static final int MAX_ENTRIES = 4_096;

  private String[] table = new String[64];
  private int[] hashes = new int[64];
  private int size;

  /** The current string token (or the text of another scalar) as a shared String. */
  String of(JsonParser p, JsonToken token) {
    if (token != JsonToken.VALUE_STRING) {
      return p.getValueAsString(); // a number or boolean where a name was expected: rare
    }
    char[] chars = p.getStringCharacters();
    int offset = p.getStringOffset();
    int length = p.getStringLength();
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      String known = table[slot];
      if (known == null) {
        String value = new String(chars, offset, length);
        if (size < MAX_ENTRIES) {
          put(slot, value, hash);
        }
        return value;
      }
      if (hashes[slot] == hash && matches(known, chars, offset, length)) {
        return known;
      }
    }
  }

  private void put(int slot, String value, int hash) {
    table[slot] = value;
    hashes[slot] = hash;
    if (++size * 2 > table.length) {
      grow();
    }
  }

  private void grow() {
    String[] oldTable = table;
    int[] oldHashes = hashes;
    table = new String[oldTable.length * 2];
    hashes = new int[oldTable.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < oldTable.length; i++) {
      if (oldTable[i] != null) {
        int slot = oldHashes[i] & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = oldTable[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  private static boolean matches(String known, char[] chars, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
