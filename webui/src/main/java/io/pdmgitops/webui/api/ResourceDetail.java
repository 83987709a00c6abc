package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/**
 * One resource in full: GET /api/v1/resources/{id} and the guest page. The row as the fleet table
 * shows it, the Git document that declares it (at the commit in force), the controller's verdict
 * with its field drifts and next step, the observed state and the actions taken on it.
 *
 * @param next what the controller will do next, in its own words; empty for undeclared resources
 * @param actions newest first, bounded by {@link #MAX_ACTIONS}
 */
public record ResourceDetail(
    ResourceRowView resource,
    Optional<Declaration> declaration,
    Optional<ResourceView> verdict,
    Optional<String> next,
    List<ObservedField> observed,
    List<ResourceView.ActionView> actions) {
  /** Most actions listed for one resource. */
  public static final int MAX_ACTIONS = 50;

  public ResourceDetail {
    observed = List.copyOf(observed);
    actions = List.copyOf(actions);
  }

  /**
   * The YAML document that declares the resource, cut from its file at the commit.
   *
   * @param line where the document's {@code metadata.name} is
   * @param firstLine the file line the {@code yaml} text starts at
   * @param lastLine the file line the part of the document in {@code yaml} ends at
   * @param yaml the document's text; empty when the file could not be read (see {@code unread})
   * @param unread why the text is missing
   */
  public record Declaration(
      String kind,
      String name,
      String commit,
      String file,
      int line,
      int firstLine,
      int lastLine,
      Optional<String> yaml,
      Optional<String> unread) {}

  /** One observed property, as text. */
  public record ObservedField(String field, String value) {}
}
