package io.pdmgitops.controller.write;

import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.load.ScalarEdit;
import io.pdmgitops.webui.write.GuestIntent;
import io.pdmgitops.webui.write.GuestMove;
import io.pdmgitops.webui.write.IntentOutcome;
import io.pdmgitops.webui.write.IntentPort;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * One-click intents on a guest (start, shut down, reboot) as commits. Rules:
 *
 * <ol>
 *   <li>The change is made on the commit in force: one field of the guest's document ({@code
 *       spec.power}, or {@code spec.restartedAt} set to now), in place, so the commit's diff is one
 *       line.
 *   <li>Before it is committed, the repository as the change leaves it is loaded with the
 *       controller's own loader (an invalid result is not committed) and compared with the snapshot
 *       in force ({@link ChangeAuthorization}): the caller needs Manage on the guest.
 *   <li>The commit is authored by the caller (name and e-mail from their User document, else their
 *       user id), committed by the controller, pushed, and fetched at once.
 *   <li>A guest Git does not declare has no intents (adopting one comes with the editor).
 * </ol>
 */
public final class GuestIntents implements IntentPort {
  private final SnapshotTracker snapshots;
  private final GitWriter writer;
  private final PolicyInForce policy;
  private final Runnable fetchNow;
  private final ReviewLinks links;
  private final ReviewPlans plans;
  private final Clock clock;

  public GuestIntents(
      SnapshotTracker snapshots,
      GitWriter writer,
      PolicyInForce policy,
      Runnable fetchNow,
      ReviewLinks links,
      ReviewPlans plans,
      Clock clock) {
    this.links = links;
    this.plans = plans;
    this.snapshots = snapshots;
    this.writer = writer;
    this.policy = policy;
    this.fetchNow = fetchNow;
    this.clock = clock;
  }

  @Override
  public IntentOutcome request(Caller caller, String remote, int vmid, GuestIntent intent) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    GuestIntent.Write first = intent.writes().get(0);
    return change(
        caller,
        remote,
        vmid,
        name -> intent.label() + " " + name,
        first.pointer().substring("/spec/".length()) + ": " + first.value().orElse(now),
        (file, name, text) -> {
          String edited = text;
          for (GuestIntent.Write write : intent.writes()) {
            String value = write.value().orElse(now);
            edited =
                write.onlyIfPresent()
                    ? ScalarEdit.setIfPresent(
                        file, edited, Kind.GUEST, name, write.pointer(), value)
                    : ScalarEdit.set(file, edited, Kind.GUEST, name, write.pointer(), value);
          }
          return edited;
        });
  }

  @Override
  public IntentOutcome move(Caller caller, String remote, int vmid, GuestMove move) {
    return change(
        caller,
        remote,
        vmid,
        name -> "Move " + name + " to " + move.target(),
        "placement: " + move.placement(),
        (file, name, text) ->
            ScalarEdit.setMapping(
                file, text, Kind.GUEST, name, "/spec/placement", move.placement()));
  }

  /** How one intent rewrites the guest's file: its document is found by the guest's name. */
  @FunctionalInterface
  private interface GuestEdit {
    String apply(String file, String name, String text);
  }

  /**
   * One intent as one commit: the declared guest's file edited at the commit in force, checked
   * (valid, and the caller may make exactly that change), authored by the caller.
   */
  private IntentOutcome change(
      Caller caller,
      String remote,
      int vmid,
      java.util.function.Function<String, String> title,
      String what,
      GuestEdit edit) {
    Optional<CommitOutcome.Accepted> inForce = snapshots.lastGood();
    if (inForce.isEmpty()) {
      return new IntentOutcome.Problem("No commit is in force yet: try again in a moment.");
    }
    DesiredState state = inForce.get().state();
    Optional<Guest> guest =
        state.guests().stream()
            .filter(g -> g.spec().remote().equals(remote) && g.spec().vmid() == vmid)
            .findFirst();
    Optional<SourceLocation> at = guest.flatMap(state::sourceOf);
    if (guest.isEmpty() || at.isEmpty()) {
      return new IntentOutcome.Problem(
          "Guest " + vmid + " on " + remote + " is not declared in Git: nothing to change.");
    }
    String name = guest.get().metadata().name();
    String file = at.get().file();
    String subject = title.apply(name);
    GitWriter.Change change =
        new GitWriter.Change(
            inForce.get().commit().sha(),
            Map.of(
                file,
                current ->
                    Optional.of(
                        edit.apply(
                            file,
                            name,
                            current.orElseThrow(
                                () -> new IllegalArgumentException(file + " is gone from Git"))))),
            subject
                + "\n\n"
                + what
                + " for "
                + remote
                + "/"
                + vmid
                + ", asked for in the web UI by "
                + caller.userId()
                + ".",
            author(state, caller));
    ChangeCheck check = new ChangeCheck(state, Set.of(file), caller, policy.policy());
    return WriteOutcomes.of(writer.commit(change, check), check, subject, fetchNow, links, plans);
  }

  /** The caller as a commit author: their User's name and e-mail, else their user id. */
  static PersonIdent author(DesiredState state, Caller caller) {
    Optional<User> user = state.user(caller.userId());
    String name =
        user.map(
                u ->
                    String.join(
                            " ", u.spec().firstName().orElse(""), u.spec().lastName().orElse(""))
                        .strip())
            .filter(n -> !n.isEmpty())
            .orElse(caller.userId());
    String email = user.flatMap(u -> u.spec().email()).orElse(caller.userId());
    return new PersonIdent(name, email);
  }
}
