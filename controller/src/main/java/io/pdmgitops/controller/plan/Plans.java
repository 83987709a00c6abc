package io.pdmgitops.controller.plan;

import io.pdmgitops.controller.files.FileTrees;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitSourceException;
import io.pdmgitops.controller.git.RefTrees;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.PlanPreview;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.plan.PlanPort;
import io.pdmgitops.webui.plan.PlanRefusedException;
import io.pdmgitops.webui.plan.PlanReport;
import io.pdmgitops.webui.plan.PlanRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Answers plan requests: loads the candidate (a ref through {@link RefTrees}, or the files a client
 * sent, written to a scratch directory) with the controller's own loader, and judges it against the
 * snapshot in force and the fleet as the last cycle observed it ({@link PlanPreview}). One plan at
 * a time; a request that waits longer than {@link #WAIT_SECONDS} is told to try again.
 */
public final class Plans implements PlanPort {
  static final long WAIT_SECONDS = 20;
  static final int MAX_FILES = 10_000;
  static final int MAX_PROBLEMS = 200;
  private static final java.util.regex.Pattern COMMIT_ID =
      java.util.regex.Pattern.compile("[0-9a-f]{7,40}");

  private final SnapshotTracker snapshots;
  private final Supplier<Optional<Inventory>> observed;
  private final RefTrees refs;
  private final Rulebook rules;
  private final DriftPolicy defaultPolicy;
  private final Path scratch;
  private final Semaphore one = new Semaphore(1);

  /**
   * @param observed the fleet as the last full cycle saw it
   * @param scratch where candidates are written while they are planned
   */
  public Plans(
      SnapshotTracker snapshots,
      Supplier<Optional<Inventory>> observed,
      RefTrees refs,
      Rulebook rules,
      DriftPolicy defaultPolicy,
      Path scratch) {
    this.snapshots = snapshots;
    this.observed = observed;
    this.refs = refs;
    this.rules = rules;
    this.defaultPolicy = defaultPolicy;
    this.scratch = scratch;
    sweep(scratch);
  }

  /** Candidates a stopped controller left behind. */
  private static void sweep(Path scratch) {
    if (!Files.isDirectory(scratch)) {
      return;
    }
    try (Stream<Path> left = Files.list(scratch)) {
      left.filter(p -> p.getFileName().toString().startsWith("plan-"))
          .forEach(FileTrees::deleteQuietly);
    } catch (IOException e) {
      // Not fatal: each plan has a directory of its own.
    }
  }

  @Override
  public PlanReport plan(PlanRequest request) {
    Optional<CommitOutcome.Accepted> inForce = snapshots.lastGood();
    Optional<Inventory> fleet = observed.get();
    if (inForce.isEmpty() || fleet.isEmpty()) {
      throw new PlanRefusedException(
          503, "the controller has not observed the fleet yet: try again after its first cycle");
    }
    request.files().ifPresent(Plans::checkPaths);
    try {
      if (!one.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new PlanRefusedException(503, "another plan is running: try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlanRefusedException(503, "interrupted while waiting for another plan");
    }
    Path dir = null;
    try {
      Files.createDirectories(scratch);
      dir = Files.createTempDirectory(scratch, "plan-");
      String target;
      Optional<String> sha = Optional.empty();
      if (request.ref().isPresent()) {
        String ref = request.ref().get();
        sha = Optional.of(checkout(ref, dir));
        target =
            (COMMIT_ID.matcher(ref).matches() && sha.get().startsWith(ref) ? "commit " : "") + ref;
      } else {
        Map<String, String> files = request.files().orElseThrow();
        write(files, dir);
        target = "directory (" + files.size() + (files.size() == 1 ? " file)" : " files)");
      }
      LoadResult loaded = new DesiredStateLoader().load(dir);
      return report(target, sha, inForce.get(), fleet.get(), loaded);
    } catch (IOException e) {
      throw new PlanRefusedException(503, "cannot write the candidate: " + e.getMessage());
    } finally {
      one.release();
      FileTrees.deleteQuietly(dir);
    }
  }

  private String checkout(String ref, Path dir) {
    try {
      return refs.checkout(ref, dir);
    } catch (RefTrees.UnknownRefException e) {
      throw new PlanRefusedException(404, e.getMessage());
    } catch (GitSourceException e) {
      throw new PlanRefusedException(503, e.getMessage());
    }
  }

  private PlanReport report(
      String target,
      Optional<String> sha,
      CommitOutcome.Accepted inForce,
      Inventory fleet,
      LoadResult loaded) {
    Optional<String> base = Optional.of(inForce.commit().sha());
    if (loaded.state().isEmpty()) {
      List<StatusView.ProblemView> problems =
          loaded.problems().stream()
              .filter(Problem::isError)
              .limit(MAX_PROBLEMS)
              .map(StatusView.ProblemView::of)
              .toList();
      return new PlanReport(
          false,
          false,
          target,
          sha,
          base,
          Optional.empty(),
          new PlanReport.Summary(0, 0, 0, 0, 0),
          problems,
          List.of());
    }
    DesiredState candidate = loaded.state().get();
    PlanPreview preview = PlanPreview.of(rules, inForce.state(), candidate, fleet, defaultPolicy);
    return new PlanReport(
        true,
        preview.changes(),
        target,
        sha,
        base,
        Optional.of(preview.observedAt().toString()),
        new PlanReport.Summary(
            preview.actions(),
            preview.blocked(),
            preview.count(PlanPreview.GitChange.ADDED),
            preview.count(PlanPreview.GitChange.CHANGED),
            preview.count(PlanPreview.GitChange.REMOVED)),
        loaded.problems().stream().limit(MAX_PROBLEMS).map(StatusView.ProblemView::of).toList(),
        preview.entries().stream().map(Plans::item).toList());
  }

  private static PlanReport.Item item(PlanPreview.Entry entry) {
    Optional<ResourceStatus> status = entry.status();
    return new PlanReport.Item(
        entry.ref().kind().kindName(),
        entry.ref().identity(),
        entry.change().name().toLowerCase(Locale.ROOT),
        status.map(s -> s.sync().name()),
        status.map(s -> s.health().name()),
        status.map(s -> s.policy().name().toLowerCase(Locale.ROOT)),
        status
            .map(
                s ->
                    s.drifts().stream()
                        .map(d -> new ResourceView.DriftView(d.path(), d.desired(), d.observed()))
                        .toList())
            .orElse(List.of()),
        entry.action().map(a -> a.type().name().toLowerCase(Locale.ROOT).replace('_', '-')),
        entry.action().map(a -> a.reason()),
        entry.blocked().map(b -> b.reason()),
        status.flatMap(ResourceStatus::remote),
        status.flatMap(ResourceStatus::location).map(l -> l.vmid()),
        status.map(ResourceStatus::message).filter(m -> !m.isEmpty()));
  }

  /** Relative paths inside the directory, of YAML files, and not too many. */
  static void checkPaths(Map<String, String> files) {
    if (files.isEmpty()) {
      throw new PlanRefusedException(400, "\"files\" is empty: nothing to plan");
    }
    if (files.size() > MAX_FILES) {
      throw new PlanRefusedException(
          400, files.size() + " files are more than a plan reads (" + MAX_FILES + ")");
    }
    for (String path : files.keySet()) {
      boolean inside =
          !path.isEmpty()
              && !path.startsWith("/")
              && !path.contains("\\")
              && Stream.of(path.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".."));
      if (!inside) {
        throw new PlanRefusedException(
            400, "'" + path + "' is not a relative path inside the directory");
      }
      if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
        throw new PlanRefusedException(
            400, "'" + path + "' is not a YAML file (.yaml or .yml): send only those");
      }
    }
  }

  private static void write(Map<String, String> files, Path dir) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey()).normalize();
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
