package io.pdmgitops.controller.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RebaseCommand;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits changes made in the web UI to the desired-state repository and pushes them to the
 * followed branch, in a clone of its own (the poller's is never touched). Rules:
 *
 * <ol>
 *   <li>A change is made on the commit it was edited from ({@link Change#baseSha()}), authored by
 *       the user and committed by the controller.
 *   <li>When the branch moved since, the commit is rebased onto it if that applies cleanly; if it
 *       does not, nothing is pushed and the conflicting files are named ({@link Conflict}): the
 *       user keeps their text and decides. No commit ever overwrites another.
 *   <li>A push refused because someone pushed in between is retried after fetching and rebasing, at
 *       most {@link #ATTEMPTS} times. Any other failure (network, permission, a protected branch)
 *       is {@link Failed} with the reason, credentials removed.
 *   <li>Only {@code .yaml} and {@code .yml} files inside the desired-state directory are written; a
 *       path that leaves it is refused.
 *   <li>Before committing, a {@link Check} sees the directory as the change leaves it and may
 *       refuse it (rights, validity); a refused change leaves nothing behind.
 *   <li>In {@link Mode#REVIEW} (a protected branch), the commit goes to a new branch of its own for
 *       a merge request instead, made on the commit the edit began from; the followed branch is
 *       never pushed to.
 *   <li>One change at a time: the clone is a single working copy.
 * </ol>
 */
public final class GitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GitWriter.class);
  static final int ATTEMPTS = 3;
  private static final String WORK_BRANCH = "pdm-gitops-change";

  /**
   * What to do with one file, given its text at the base commit (empty when it does not exist): the
   * new text, or empty to delete it. An edit that cannot apply throws {@link
   * IllegalArgumentException} with a message for the user.
   */
  @FunctionalInterface
  public interface FileEdit {
    Optional<String> apply(Optional<String> current);

    /** The whole new text, as an editor saves it. */
    static FileEdit write(String text) {
      return current -> Optional.of(text);
    }

    static FileEdit delete() {
      return current -> Optional.empty();
    }
  }

  /**
   * A change to commit.
   *
   * @param baseSha the commit the edit began from
   * @param files edits by path relative to the desired-state directory
   */
  public record Change(
      String baseSha, Map<String, FileEdit> files, String message, PersonIdent author) {
    public Change {
      files = Map.copyOf(files);
    }

    /** The same change, as edited from another commit. */
    public Change withBase(String sha) {
      return new Change(sha, files, message, author);
    }
  }

  /** What became of a change. */
  public sealed interface Outcome
      permits Committed, Proposed, Unchanged, Conflict, Refused, Failed {}

  /** Where changes go: onto the followed branch, or onto a new branch for a merge request. */
  public enum Mode {
    DIRECT,
    REVIEW
  }

  /** Review mode: pushed to a new branch of its own, for a merge request into the followed one. */
  public record Proposed(String branch, String sha) implements Outcome {}

  /** The check refused the change as written: nothing committed. */
  public record Refused(String reason) implements Outcome {}

  /**
   * Looks at the desired-state directory as the change leaves it, before anything is committed: the
   * reason to refuse it, or empty to go ahead (the caller's rights, the loader's problems).
   */
  @FunctionalInterface
  public interface Check {
    Optional<String> refusal(Path desiredStateRoot);

    /**
     * Looks again once the change was put on top of commits pushed meanwhile: each side alone may
     * be valid and their sum not (two documents of one name). Only validity: the rights were judged
     * on the change itself, and the others' commits are not the caller's.
     */
    default Optional<String> refusalAfterRebase(Path desiredStateRoot) {
      return Optional.empty();
    }
  }

  /** Pushed; {@code rebased} when the branch had moved and the change was put on top. */
  public record Committed(String sha, boolean rebased) implements Outcome {}

  /** The change equals the branch's files: nothing to commit. */
  public record Unchanged() implements Outcome {}

  /** The branch moved and changed the same lines: nothing pushed. */
  public record Conflict(List<String> files, String headSha) implements Outcome {}

  /** Not pushed, for this reason. */
  public record Failed(String reason) implements Outcome {}

  private final GitSourceSettings settings;
  private final GitTransport transport;
  private final PersonIdent committer;
  private final Path clone;
  private final Mode mode;

  public GitWriter(GitSourceSettings settings, PersonIdent committer) {
    this(settings, committer, Mode.DIRECT);
  }

  public GitWriter(GitSourceSettings settings, PersonIdent committer, Mode mode) {
    this.settings = settings;
    this.transport = new GitTransport(settings);
    this.committer = committer;
    this.clone = settings.workDir().resolve("writer");
    this.mode = mode;
  }

  public Mode mode() {
    return mode;
  }

  public Outcome commit(Change change) {
    return commit(change, root -> Optional.empty());
  }

  public synchronized Outcome commit(Change change, Check check) {
    Optional<String> token = Optional.empty();
    try {
      for (String path : change.files().keySet()) {
        target(path); // refuses a bad path before anything is touched
      }
      try (Git git = open()) {
        token = fetch(git);
        ObjectId head = head(git);
        ObjectId base =
            Optional.ofNullable(git.getRepository().resolve(change.baseSha() + "^{commit}"))
                .orElse(head);
        git.checkout().setName(base.name()).setForced(true).call();
        git.branchCreate().setName(WORK_BRANCH).setForce(true).setStartPoint(base.name()).call();
        git.checkout().setName(WORK_BRANCH).setForced(true).call();
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
        git.clean().setCleanDirectories(true).setForce(true).call();
        for (var file : change.files().entrySet()) {
          Path target = target(file.getKey());
          Optional<String> current =
              Files.isRegularFile(target)
                  ? Optional.of(Files.readString(target))
                  : Optional.empty();
          Optional<String> next = file.getValue().apply(current);
          if (next.isPresent()) {
            Files.createDirectories(target.getParent());
            Files.writeString(target, next.get());
          } else {
            Files.deleteIfExists(target);
          }
        }
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        if (git.status().call().isClean()) {
          return new Unchanged();
        }
        Optional<String> refusal = check.refusal(root());
        if (refusal.isPresent()) {
          return new Refused(refusal.get());
        }
        RevCommit made =
            git.commit()
                .setAuthor(change.author())
                .setCommitter(new PersonIdent(committer, new java.util.Date()))
                .setMessage(change.message())
                .call();
        if (mode == Mode.REVIEW) {
          return propose(git, made, change.author());
        }
        return pushRebasing(git, head, check, change.author());
      }
    } catch (IllegalArgumentException e) {
      return new Failed(e.getMessage());
    } catch (GitAPIException | IOException | GitSourceException | RuntimeException e) {
      String reason =
          e.getClass().getSimpleName() + ": " + GitTransport.redact(e.getMessage(), token);
      LOG.warn("a change to {} was not pushed: {}", settings.redactedUrl(), reason);
      return new Failed(reason);
    }
  }

  /**
   * The change a revert of the commit would make, as a unified diff (the commit's own diff turned
   * around), and its message; empty when the commit is unknown or is a merge.
   */
  public synchronized Optional<RevertPreview> previewRevert(String sha) {
    Optional<String> token = Optional.empty();
    try (Git git = open()) {
      if (git.getRepository().resolve(sha + "^{commit}") == null) {
        token = fetch(git);
      }
      ObjectId id = git.getRepository().resolve(sha + "^{commit}");
      if (id == null) {
        return Optional.empty();
      }
      try (RevWalk walk = new RevWalk(git.getRepository())) {
        RevCommit commit = walk.parseCommit(id);
        if (commit.getParentCount() != 1) {
          return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<String> files = new ArrayList<>();
        try (DiffFormatter diff = new DiffFormatter(out)) {
          diff.setRepository(git.getRepository());
          RevCommit parent = walk.parseCommit(commit.getParent(0));
          for (var entry : diff.scan(commit, parent)) {
            String path =
                entry.getChangeType() == org.eclipse.jgit.diff.DiffEntry.ChangeType.DELETE
                    ? entry.getOldPath()
                    : entry.getNewPath();
            files.add(relative(path));
          }
          diff.format(commit, parent);
        }
        return Optional.of(
            new RevertPreview(
                commit.name(),
                commit.getShortMessage(),
                out.toString(java.nio.charset.StandardCharsets.UTF_8),
                files.stream().distinct().sorted().toList()));
      }
    } catch (GitAPIException | IOException | GitSourceException | RuntimeException e) {
      LOG.warn("cannot show the revert of {}: {}", sha, GitTransport.redact(e.getMessage(), token));
      return Optional.empty();
    }
  }

  /**
   * What reverting a commit would change.
   *
   * @param files the files it touches, relative to the desired-state directory
   */
  public record RevertPreview(String sha, String subject, String diff, List<String> files) {
    public RevertPreview {
      files = List.copyOf(files);
    }
  }

  /**
   * Reverts the commit as a new commit on top of the branch, authored by the user; checked like any
   * change before it is pushed. A revert that no longer applies (later commits changed the same
   * lines) is a {@link Conflict}.
   */
  public synchronized Outcome revert(String sha, String message, PersonIdent author, Check check) {
    Optional<String> token = Optional.empty();
    try (Git git = open()) {
      token = fetch(git);
      ObjectId head = head(git);
      ObjectId target = git.getRepository().resolve(sha + "^{commit}");
      if (target == null) {
        return new Failed("commit " + sha + " is not in the repository");
      }
      git.checkout().setName(head.name()).setForced(true).call();
      git.branchCreate().setName(WORK_BRANCH).setForce(true).setStartPoint(head.name()).call();
      git.checkout().setName(WORK_BRANCH).setForced(true).call();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
      git.clean().setCleanDirectories(true).setForce(true).call();
      var reverting = git.revert().include(target);
      RevCommit reverted = reverting.call();
      if (reverted == null) {
        List<String> files =
            reverting.getUnmergedPaths() == null ? List.of() : reverting.getUnmergedPaths();
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
        return new Conflict(files.stream().map(this::relative).sorted().toList(), head.name());
      }
      git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(head.name()).call();
      if (git.status().call().isClean()) {
        return new Unchanged();
      }
      Optional<String> refusal = check.refusal(root());
      if (refusal.isPresent()) {
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
        return new Refused(refusal.get());
      }
      RevCommit made =
          git.commit()
              .setAuthor(author)
              .setCommitter(new PersonIdent(committer, new java.util.Date()))
              .setMessage(message)
              .call();
      if (mode == Mode.REVIEW) {
        return propose(git, made, author);
      }
      return pushRebasing(git, head, check, author);
    } catch (GitAPIException | IOException | GitSourceException | RuntimeException e) {
      String reason =
          e.getClass().getSimpleName() + ": " + GitTransport.redact(e.getMessage(), token);
      LOG.warn("a revert in {} was not pushed: {}", settings.redactedUrl(), reason);
      return new Failed(reason);
    }
  }

  /**
   * Pushes the work branch; when the branch moved meanwhile, puts the work on top (a conflict on
   * the same lines ends it), checks the result again, and tries again, {@link #ATTEMPTS} times.
   */
  private Outcome pushRebasing(Git git, ObjectId head, Check check, PersonIdent author)
      throws GitAPIException, IOException, GitSourceException {
    boolean rebased = false;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (!git.getRepository().resolve(WORK_BRANCH + "~1").equals(head)) {
        Optional<Conflict> conflict = rebase(git, head);
        if (conflict.isPresent()) {
          return conflict.get();
        }
        rebased = true;
        Optional<String> merged = check.refusalAfterRebase(root());
        if (merged.isPresent()) {
          return new Refused(
              "with the commits pushed meanwhile (up to "
                  + head.name().substring(0, 12)
                  + ") "
                  + merged.get());
        }
      }
      RemoteRefUpdate.Status status = push(git);
      if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
        String sha = git.getRepository().resolve(WORK_BRANCH).name();
        LOG.info("pushed {} to {} ({})", sha, settings.branch(), author.getEmailAddress());
        return new Committed(sha, rebased);
      }
      if (status != RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
          && status != RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
        return new Failed("the push was refused: " + status);
      }
      fetch(git);
      head = head(git);
    }
    return new Failed("the branch kept moving: tried " + ATTEMPTS + " times");
  }

  private Optional<Conflict> rebase(Git git, ObjectId onto) throws GitAPIException {
    RebaseResult result = git.rebase().setUpstream(onto).call();
    if (result.getStatus().isSuccessful()) {
      return Optional.empty();
    }
    List<String> files = new ArrayList<>();
    if (result.getConflicts() != null) {
      files.addAll(result.getConflicts());
    }
    if (result.getFailingPaths() != null) {
      files.addAll(result.getFailingPaths().keySet());
    }
    // A rebase that stopped on a conflict names its files in the index, not in the result.
    files.addAll(git.status().call().getConflicting());
    if (git.getRepository().getRepositoryState().isRebasing()) {
      git.rebase().setOperation(RebaseCommand.Operation.ABORT).call();
    }
    return Optional.of(
        new Conflict(files.stream().map(this::relative).distinct().sorted().toList(), onto.name()));
  }

  private RemoteRefUpdate.Status push(Git git) throws GitAPIException, GitSourceException {
    return push(git, settings.branch());
  }

  private RemoteRefUpdate.Status push(Git git, String branch)
      throws GitAPIException, GitSourceException {
    var pushing =
        git.push()
            .setRemote("origin")
            .setRefSpecs(new RefSpec("refs/heads/" + WORK_BRANCH + ":refs/heads/" + branch));
    transport.configure(pushing);
    for (PushResult result : pushing.call()) {
      RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/" + branch);
      if (update != null) {
        return update.getStatus();
      }
    }
    return RemoteRefUpdate.Status.NOT_ATTEMPTED;
  }

  /**
   * Pushes the commit to a new branch {@code pdm-gitops/<user>/<subject>-<sha>}: never one that
   * exists (the short sha makes it unique), never the followed branch.
   */
  private Outcome propose(Git git, RevCommit made, PersonIdent author)
      throws GitAPIException, GitSourceException {
    String branch =
        "pdm-gitops/"
            + slug(author.getEmailAddress().replaceFirst("@.*", ""), 32)
            + "/"
            + slug(made.getShortMessage(), 40)
            + "-"
            + made.name().substring(0, 7);
    RemoteRefUpdate.Status status = push(git, branch);
    // Up to date: the very same commit was proposed a moment ago; it is the same proposal.
    if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
      LOG.info("pushed {} to the new branch {} for review", made.name(), branch);
      return new Proposed(branch, made.name());
    }
    return new Failed("the push of branch " + branch + " was refused: " + status);
  }

  /** Lower-case letters, digits and single dashes, as branch names read well. */
  static String slug(String text, int max) {
    String slug =
        text.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > max) {
      slug = slug.substring(0, max).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "change" : slug;
  }

  private Git open() throws GitAPIException, IOException, GitSourceException {
    if (Files.isDirectory(clone.resolve(".git"))) {
      return Git.open(clone.toFile());
    }
    Files.createDirectories(settings.workDir());
    var cloning =
        Git.cloneRepository()
            .setURI(settings.url())
            .setDirectory(clone.toFile())
            .setBranch(settings.branch());
    transport.configure(cloning);
    return cloning.call();
  }

  private Optional<String> fetch(Git git) throws GitAPIException, GitSourceException {
    var fetching =
        git.fetch()
            .setRemote("origin")
            .setRefSpecs(
                "+refs/heads/" + settings.branch() + ":refs/remotes/origin/" + settings.branch());
    Optional<String> token = transport.configure(fetching);
    fetching.call();
    return token;
  }

  private ObjectId head(Git git) throws IOException, GitSourceException {
    ObjectId head = git.getRepository().resolve("refs/remotes/origin/" + settings.branch());
    if (head == null) {
      throw new GitSourceException(
          "branch '" + settings.branch() + "' not found in " + settings.redactedUrl());
    }
    return head;
  }

  private Path root() {
    return settings.subdirectory().map(clone::resolve).orElse(clone).normalize();
  }

  /** The file for a path relative to the desired-state directory, which it must not leave. */
  private Path target(String path) {
    Path root = root();
    Path target = root.resolve(path).normalize();
    String name = target.getFileName() == null ? "" : target.getFileName().toString();
    if (!target.startsWith(root)
        || target.equals(root)
        || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
      throw new IllegalArgumentException(
          "'" + path + "' is not a YAML file inside the desired-state directory");
    }
    return target;
  }

  /** A repository path as a path inside the desired-state directory. */
  private String relative(String repositoryPath) {
    return settings
        .subdirectory()
        .map(dir -> dir.endsWith("/") ? dir : dir + "/")
        .filter(repositoryPath::startsWith)
        .map(dir -> repositoryPath.substring(dir.length()))
        .orElse(repositoryPath);
  }
}
