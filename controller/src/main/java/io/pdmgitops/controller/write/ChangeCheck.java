package io.pdmgitops.controller.write;

import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.AccessPolicy;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.access.ChangeAuthorization;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.load.ProblemFormatter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What every change from the web UI must pass before it is committed: the desired-state directory
 * as the change leaves it loads without errors, and the caller may make every change it holds
 * compared with the snapshot in force ({@link ChangeAuthorization}). Remembers why it refused, so a
 * refusal of rights (403) is told apart from an invalid change.
 */
final class ChangeCheck implements GitWriter.Check {
  private final DesiredState before;
  private final Set<String> files;
  private final Caller caller;
  private final AccessPolicy policy;
  private volatile boolean forbidden;

  ChangeCheck(DesiredState before, Set<String> files, Caller caller, AccessPolicy policy) {
    this.before = before;
    this.files = Set.copyOf(files);
    this.caller = caller;
    this.policy = policy;
  }

  @Override
  public Optional<String> refusal(Path desiredStateRoot) {
    LoadResult loaded = new DesiredStateLoader().load(desiredStateRoot);
    if (loaded.state().isEmpty()) {
      return Optional.of(invalid(loaded));
    }
    ChangeAuthorization.Verdict verdict =
        ChangeAuthorization.check(before, loaded.state().get(), files, caller, policy);
    forbidden = !verdict.allowed();
    return verdict.allowed() ? Optional.empty() : Optional.of(verdict.reason());
  }

  @Override
  public Optional<String> refusalAfterRebase(Path desiredStateRoot) {
    LoadResult loaded = new DesiredStateLoader().load(desiredStateRoot);
    forbidden = false;
    return loaded.state().isPresent() ? Optional.empty() : Optional.of(invalid(loaded));
  }

  private static String invalid(LoadResult loaded) {
    return "the change would make the desired state invalid: "
        + loaded.problems().stream()
            .filter(Problem::isError)
            .findFirst()
            .map(p -> ProblemFormatter.format(p, ""))
            .orElse("run validate to see why");
  }

  /** Whether the last refusal was about rights, not validity. */
  boolean forbidden() {
    return forbidden;
  }
}
