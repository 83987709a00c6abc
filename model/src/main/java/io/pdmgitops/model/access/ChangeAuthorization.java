package io.pdmgitops.model.access;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteGroup;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.plan.ObjectDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may commit a change to the desired state, judged by comparing the snapshot in force with the
 * snapshot the change makes, object by object (kind and name). Rules:
 *
 * <ol>
 *   <li>An object added, removed, or changed beyond its state needs {@link Permission#CONFIGURE}
 *       (Admin) on its path.
 *   <li>A Guest changed only in its state (power, stopMethod, restartedAt, placement) needs {@link
 *       Permission#OPERATE} (Manage) on its path; a placement on another remote also needs it where
 *       the guest lands ({@code /remotes/{target}/guests/{vmid}}).
 *   <li>Paths: a Guest {@code /remotes/{r}/guests/{vmid}}, a Remote {@code /remotes/{r}}, a View
 *       {@code /views/{v}}, a RemoteGroup {@code /groups/{g}}; Users, Groups, AccessRules and
 *       Realms {@code /access}.
 *   <li>A change of a file that changes no object (a comment, the layout) needs CONFIGURE on the
 *       path of every object the file declares before or after, or on {@code /} for a file that
 *       declares none: nothing in the repository is anyone's to change without a role on it.
 * </ol>
 */
public final class ChangeAuthorization {
  private ChangeAuthorization() {}

  /** How an object changes. */
  public enum ChangeKind {
    ADDED,
    REMOVED,
    CHANGED,
    /** A guest's power, stopMethod, restartedAt or placement only. */
    STATE
  }

  /**
   * One object's change and what it needs.
   *
   * @param subject the object ({@code Guest/web-01}), or the file whose text alone changed
   */
  public record ObjectChange(
      String subject, ChangeKind kind, Permission needs, List<AccessPath> paths) {}

  /**
   * The verdict on a change.
   *
   * @param changes every object the change adds, removes or alters
   * @param refused the changes the caller may not make; empty when the commit may go ahead
   */
  public record Verdict(List<ObjectChange> changes, List<ObjectChange> refused) {
    public boolean allowed() {
      return refused.isEmpty();
    }

    /** For the 403: which objects, and which role where. */
    public String reason() {
      return refused.stream()
          .map(
              c ->
                  c.subject()
                      + " needs "
                      + c.needs().minimumRole().wire()
                      + " on "
                      + String.join(" and ", c.paths().stream().map(AccessPath::toString).toList()))
          .reduce((a, b) -> a + "; " + b)
          .orElse("");
    }
  }

  /**
   * @param changedFiles the files the change writes or deletes, relative to the desired-state root
   */
  public static Verdict check(
      DesiredState before,
      DesiredState after,
      Set<String> changedFiles,
      Caller caller,
      AccessPolicy policy) {
    List<ObjectChange> changes = new ArrayList<>();
    Set<ObjectRef> touched = new java.util.HashSet<>();
    for (ObjectDiff.Delta delta : ObjectDiff.between(before, after)) {
      ObjectRef ref = delta.ref();
      if (delta.added()) {
        changes.add(
            new ObjectChange(
                ref.toString(),
                ChangeKind.ADDED,
                Permission.CONFIGURE,
                List.of(path(delta.after().orElseThrow()))));
      } else if (delta.removed()) {
        changes.add(
            new ObjectChange(
                ref.toString(),
                ChangeKind.REMOVED,
                Permission.CONFIGURE,
                List.of(path(delta.before().orElseThrow()))));
      } else {
        changes.add(change(ref, delta.before().orElseThrow(), delta.after().orElseThrow()));
      }
      touched.add(ref);
    }
    // Files whose text changed without changing an object still belong to someone.
    for (String file : changedFiles) {
      List<DesiredObject> declared = new ArrayList<>();
      declared.addAll(declaredIn(before, file));
      declared.addAll(declaredIn(after, file));
      if (declared.stream().anyMatch(o -> touched.contains(ObjectRef.of(o)))) {
        continue;
      }
      List<AccessPath> paths =
          declared.isEmpty()
              ? List.of(AccessPath.ROOT)
              : declared.stream()
                  .map(ChangeAuthorization::path)
                  .distinct()
                  .sorted(java.util.Comparator.comparing(AccessPath::toString))
                  .toList();
      changes.add(
          new ObjectChange("file " + file, ChangeKind.CHANGED, Permission.CONFIGURE, paths));
    }
    List<ObjectChange> refused =
        changes.stream()
            .filter(c -> !c.paths().stream().allMatch(p -> policy.allows(caller, p, c.needs())))
            .toList();
    return new Verdict(List.copyOf(changes), refused);
  }

  private static ObjectChange change(ObjectRef ref, DesiredObject old, DesiredObject now) {
    if (old instanceof Guest before && now instanceof Guest after && stateOnly(before, after)) {
      List<AccessPath> paths = new ArrayList<>();
      paths.add(path(after));
      landing(after).filter(p -> !p.equals(path(after))).ifPresent(paths::add);
      return new ObjectChange(
          ref.toString(), ChangeKind.STATE, Permission.OPERATE, List.copyOf(paths));
    }
    List<AccessPath> paths = new ArrayList<>();
    paths.add(path(old));
    if (!path(now).equals(path(old))) {
      paths.add(path(now));
    }
    return new ObjectChange(
        ref.toString(), ChangeKind.CHANGED, Permission.CONFIGURE, List.copyOf(paths));
  }

  /** Whether two guests differ in power, stopMethod, restartedAt or placement only. */
  static boolean stateOnly(Guest before, Guest after) {
    Guest.Spec a = before.spec();
    Guest.Spec b = after.spec();
    return before.metadata().equals(after.metadata())
        && a.remote().equals(b.remote())
        && a.vmid() == b.vmid()
        && a.type() == b.type()
        && a.name().equals(b.name())
        && a.policy().equals(b.policy())
        // Loosening the backup alarm is a configuration change, not a power change.
        && a.backupMaxAge().equals(b.backupMaxAge());
  }

  /** Where a placement on another remote puts the guest. */
  private static Optional<AccessPath> landing(Guest guest) {
    return guest
        .spec()
        .placement()
        .flatMap(
            (Placement p) ->
                p.remote()
                    .map(
                        remote ->
                            AccessPath.guest(remote, p.targetVmid().orElse(guest.spec().vmid()))));
  }

  /** The ACL path that covers the object. */
  public static AccessPath path(DesiredObject object) {
    if (object instanceof Guest guest) {
      return AccessPath.guest(guest.spec().remote(), guest.spec().vmid());
    }
    if (object instanceof Remote remote) {
      return AccessPath.remote(remote.metadata().name());
    }
    if (object instanceof View view) {
      return AccessPath.view(view.metadata().name());
    }
    if (object instanceof RemoteGroup group) {
      return AccessPath.group(group.metadata().name());
    }
    return AccessPath.access();
  }

  private static List<DesiredObject> declaredIn(DesiredState state, String file) {
    return state.objects().stream()
        .filter(o -> state.sourceOf(o).map(s -> s.file().equals(file)).orElse(false))
        .toList();
  }
}
