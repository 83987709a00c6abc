package io.pdmgitops.model.fleet;

/** A search that cannot be understood: the message says where, what and how to write it. */
public final class SearchSyntaxException extends IllegalArgumentException {
  private final int column;

  public SearchSyntaxException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** 1-based column of the offending term in the search text. */
  public int column() {
    return column;
  }
}
