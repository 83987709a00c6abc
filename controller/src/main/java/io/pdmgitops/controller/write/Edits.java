package io.pdmgitops.controller.write;

import io.pdmgitops.controller.files.FileTrees;
import io.pdmgitops.controller.git.CommitFiles;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.access.ChangeAuthorization;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.StatusView.ProblemView;
import io.pdmgitops.webui.edit.EditCheck;
import io.pdmgitops.webui.edit.EditPort;
import io.pdmgitops.webui.edit.EditorFile;
import io.pdmgitops.webui.edit.EditorPaths;
import io.pdmgitops.webui.edit.RepositoryTree;
import io.pdmgitops.webui.write.IntentOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The editor's side in the controller. Files are read from the clone at the commit in force; an
 * edit is checked by loading that commit's files with the edited one replaced (hard links to a copy
 * of the commit kept per commit, so a check costs one file write and a load) and by {@link
 * ChangeAuthorization}; a commit goes through {@link GitWriter} like every change from the UI.
 * Checks are bounded: {@link #CHECKS} at a time, a caller waits at most {@link #WAIT_SECONDS}.
 */
public final class Edits implements EditPort {
  static final int CHECKS = 2;
  static final long WAIT_SECONDS = 5;
  private final SnapshotTracker snapshots;
  private final CommitFiles files;
  private final GitWriter writer;
  private final PolicyInForce policy;
  private final Runnable fetchNow;
  private final ReviewLinks links;
  private final ReviewPlans plans;
  private final Path scratch;
  private final Supplier<Optional<Inventory>> observed;
  private final Semaphore checks = new Semaphore(CHECKS);

  public Edits(
      SnapshotTracker snapshots,
      CommitFiles files,
      GitWriter writer,
      PolicyInForce policy,
      Runnable fetchNow,
      ReviewLinks links,
      ReviewPlans plans,
      Path scratch,
      Supplier<Optional<Inventory>> observed) {
    this.snapshots = snapshots;
    this.files = files;
    this.writer = writer;
    this.policy = policy;
    this.fetchNow = fetchNow;
    this.links = links;
    this.plans = plans;
    this.scratch = scratch;
    this.observed = observed;
    // One controller per data directory: whatever an earlier run left here is garbage.
    FileTrees.deleteQuietly(scratch);
  }

  @Override
  public List<String> remotes() {
    return snapshots
        .lastGood()
        .map(
            g ->
                g.state().remotes().stream()
                    .sorted(
                        Comparator.comparing(
                            (io.pdmgitops.model.desired.Remote r) ->
                                r.spec().type() != io.pdmgitops.model.desired.RemoteType.PVE))
                    .map(r -> r.metadata().name())
                    .toList())
        .orElse(List.of());
  }

  @Override
  public Optional<RepositoryTree> tree() {
    return snapshots
        .lastGood()
        .map(
            inForce -> {
              String sha = inForce.commit().sha();
              Map<String, List<String>> declares = new LinkedHashMap<>();
              DesiredState state = inForce.state();
              for (DesiredObject object : state.objects()) {
                state
                    .sourceOf(object)
                    .ifPresent(
                        at ->
                            declares
                                .computeIfAbsent(at.file(), f -> new ArrayList<>())
                                .add(ObjectRef.of(object).toString()));
              }
              List<RepositoryTree.TreeFile> tree = new ArrayList<>();
              files
                  .credentialsByPath(sha)
                  .forEach(
                      (path, credentials) ->
                          tree.add(
                              new RepositoryTree.TreeFile(
                                  path,
                                  declares.getOrDefault(path, List.of()),
                                  EditorPaths.valid(path) && !credentials)));
              tree.sort(Comparator.comparing(RepositoryTree.TreeFile::path));
              return new RepositoryTree(sha, tree);
            });
  }

  @Override
  public EditorFile open(String path) {
    CommitOutcome.Accepted inForce = inForce();
    String sha = inForce.commit().sha();
    checkPath(path);
    Optional<String> text = files.rawText(sha, path);
    if (text.isPresent() && CommitFiles.holdsCredentials(text.get())) {
      throw new NotFoundException(
          path + " holds password or token hashes, which pages never show: edit it in Git");
    }
    return new EditorFile(path, sha, text.orElse(""), text.isPresent());
  }

  @Override
  public EditorFile adopt(String path, String remote, int vmid) {
    EditorFile file = open(path);
    DesiredState state = inForce().state();
    state.guests().stream()
        .filter(g -> g.spec().remote().equals(remote) && g.spec().vmid() == vmid)
        .findFirst()
        .ifPresent(
            g -> {
              throw new NotFoundException(
                  "Git already declares guest "
                      + vmid
                      + " on "
                      + remote
                      + " as Guest/"
                      + g.metadata().name());
            });
    GuestObservation guest =
        observed
            .get()
            .flatMap(i -> i.remote(remote))
            .filter(o -> o instanceof RemoteObservation.Reachable)
            .flatMap(o -> ((RemoteObservation.Reachable) o).guest(vmid))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "guest " + vmid + " on " + remote + " is not in the last observation"));
    String name = Adoption.documentName(guest, remote, state);
    String text = file.text();
    String separator = text.isBlank() ? "" : (text.endsWith("\n") ? "" : "\n") + "---\n";
    return new EditorFile(
        path,
        file.commit(),
        text + separator + Adoption.document(guest, remote, name),
        file.exists());
  }

  @Override
  public EditCheck check(Caller caller, String path, String text) {
    checkPath(path);
    CommitOutcome.Accepted inForce = inForce();
    try {
      if (!checks.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy();
    }
    Path dir = null;
    try {
      Path base = base(inForce.commit().sha());
      dir = Files.createTempDirectory(scratch, "check-");
      link(base, dir, path);
      Path edited = dir.resolve(path);
      Files.createDirectories(edited.getParent());
      Files.writeString(edited, text, StandardCharsets.UTF_8);
      LoadResult loaded = new DesiredStateLoader().load(dir);
      List<ProblemView> problems = loaded.problems().stream().map(ProblemView::of).toList();
      if (loaded.state().isEmpty()) {
        return new EditCheck(problems, Optional.empty());
      }
      ChangeAuthorization.Verdict verdict =
          ChangeAuthorization.check(
              inForce.state(), loaded.state().get(), Set.of(path), caller, policy.policy());
      return new EditCheck(
          problems, verdict.allowed() ? Optional.empty() : Optional.of(verdict.reason()));
    } catch (IOException e) {
      return new EditCheck(
          List.of(
              new ProblemView(
                  "error", path, 1, 1, "cannot check now: " + e.getMessage(), Optional.empty())),
          Optional.empty());
    } finally {
      checks.release();
      FileTrees.deleteQuietly(dir);
    }
  }

  @Override
  public String diff(String path, String text) {
    checkPath(path);
    String sha = inForce().commit().sha();
    String was = files.rawText(sha, path).orElse("");
    if (CommitFiles.holdsCredentials(was)) {
      // The diff would show the hashes the editor never opens.
      throw new NotFoundException(path + " holds password or token hashes: edit it in Git");
    }
    RawText before = new RawText(was.getBytes(StandardCharsets.UTF_8));
    RawText after = new RawText(text.getBytes(StandardCharsets.UTF_8));
    EditList edits =
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, before, after);
    if (edits.isEmpty()) {
      return "";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter format = new DiffFormatter(out)) {
      out.writeBytes(("--- a/" + path + "\n+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
      format.format(edits, before, after);
    } catch (IOException e) {
      return "cannot show the diff: " + e.getMessage();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public IntentOutcome commit(
      Caller caller, String path, String text, String baseCommit, String message) {
    checkPath(path);
    Optional<CommitOutcome.Accepted> inForce = snapshots.lastGood();
    if (inForce.isEmpty()) {
      return new IntentOutcome.Problem("No commit is in force yet: try again in a moment.");
    }
    if (!baseCommit.matches("[0-9a-f]{40}")) {
      return new IntentOutcome.Problem("The edit names no commit it began from: reload the file.");
    }
    DesiredState state = inForce.get().state();
    Optional<String> before = files.rawText(inForce.get().commit().sha(), path);
    if (before.isPresent() && CommitFiles.holdsCredentials(before.get())) {
      return new IntentOutcome.Problem(path + " holds credential hashes: edit it in Git.");
    }
    GitWriter.Change change =
        new GitWriter.Change(
            baseCommit,
            Map.of(path, GitWriter.FileEdit.write(text)),
            message + "\n\nEdited in the web UI by " + caller.userId() + ".",
            GuestIntents.author(state, caller));
    ChangeCheck check = new ChangeCheck(state, Set.of(path), caller, policy.policy());
    String subject = message.lines().findFirst().orElse(message);
    return WriteOutcomes.of(writer.commit(change, check), check, subject, fetchNow, links, plans);
  }

  private CommitOutcome.Accepted inForce() {
    return snapshots
        .lastGood()
        .orElseThrow(() -> new NotFoundException("no commit is in force yet: try again shortly"));
  }

  static void checkPath(String path) {
    if (!EditorPaths.valid(path)) {
      throw new NotFoundException(EditorPaths.refusal(path));
    }
  }

  private static EditCheck busy() {
    return new EditCheck(
        List.of(
            new ProblemView(
                "warning",
                "",
                1,
                1,
                "the controller is busy checking other edits: it checks again as you type",
                Optional.empty())),
        Optional.empty());
  }

  /** The commit's files, written once per commit; older copies go. */
  private synchronized Path base(String sha) throws IOException {
    Path base = scratch.resolve("base-" + sha);
    if (Files.isDirectory(base)) {
      return base;
    }
    Files.createDirectories(scratch);
    try (Stream<Path> old = Files.list(scratch)) {
      old.filter(p -> p.getFileName().toString().startsWith("base-"))
          .forEach(FileTrees::deleteQuietly);
    }
    Path writing = Files.createTempDirectory(scratch, "writing-");
    files.writeTree(sha, writing);
    Files.move(writing, base);
    return base;
  }

  /** Hard links to every file of the base but the edited one (copies where links fail). */
  private static void link(Path base, Path into, String edited) throws IOException {
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        if (relative.equals(edited)) {
          continue;
        }
        Path target = into.resolve(relative);
        Files.createDirectories(target.getParent());
        try {
          Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(file, target);
        }
      }
    }
  }
}
