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
    List<ResourceView.ActionView> actions,
    Optional<Backups> backups) {
  /** Most actions listed for one resource. */
  public static final int MAX_ACTIONS = 50;

  public ResourceDetail {
    observed = List.copyOf(observed);
    actions = List.copyOf(actions);
    backups = backups == null ? Optional.empty() : backups;
  }

  /** A detail whose remote's backup jobs were not read. */
  public ResourceDetail(
      ResourceRowView resource,
      Optional<Declaration> declaration,
      Optional<ResourceView> verdict,
      Optional<String> next,
      List<ObservedField> observed,
      List<ResourceView.ActionView> actions) {
    this(resource, declaration, verdict, next, observed, actions, Optional.empty());
  }

  /**
   * The backup jobs of the guest's cluster that select it, and its newest backup.
   *
   * @param covered whether one of them is enabled; false is a finding: nothing backs it up
   * @param last the newest backup of the guest on the declared backup servers, as of their last
   *     read; empty when none holds one
   * @param serversRead when the backup servers were last read; empty before the first read
   */
  public record Backups(
      List<BackupJobView> jobs,
      boolean covered,
      Optional<LastBackup> last,
      Optional<String> serversRead) {
    public Backups {
      jobs = List.copyOf(jobs);
      last = last == null ? Optional.empty() : last;
      serversRead = serversRead == null ? Optional.empty() : serversRead;
    }

    public Backups(List<BackupJobView> jobs, boolean covered) {
      this(jobs, covered, Optional.empty(), Optional.empty());
    }
  }

  /**
   * A guest's newest backup.
   *
   * @param remote the backup server (a PBS remote) holding it
   * @param at when it was taken, ISO-8601
   * @param count how many backups of the guest that datastore holds
   * @param verify its verification: {@code ok}, {@code failed}; empty when not verified yet
   */
  public record LastBackup(
      String remote, String datastore, String at, int count, Optional<String> verify) {}

  /**
   * One job that selects the guest.
   *
   * @param declaredAs the BackupJob document that declares it; empty for a job nobody declares
   */
  public record BackupJobView(
      String id, Optional<String> declaredAs, String schedule, String storage, boolean enabled) {}

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
