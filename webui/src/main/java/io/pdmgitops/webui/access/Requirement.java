package io.pdmgitops.webui.access;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a route asks of its caller, given the route's path variables. */
public sealed interface Requirement {
  boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet);

  /** Any logged-in caller who may see something: the answer is filtered to what they see. */
  record Filtered() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return viewer.bootstrap() || viewer.policy().seesAnything(viewer.caller());
    }
  }

  /** Read on one path, built from the path variables. */
  record ReadOn(Function<Map<String, String>, AccessPath> path) implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return viewer.allows(path.apply(vars), Permission.READ);
    }
  }

  /** Manage on one path, built from the path variables: an action on a node, say. */
  record OperateOn(Function<Map<String, String>, AccessPath> path) implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return viewer.allows(path.apply(vars), Permission.OPERATE);
    }
  }

  /**
   * Admin on one path, built from the path variables: a node's shell, the one imperative door into
   * a remote.
   */
  record AdminOn(Function<Map<String, String>, AccessPath> path) implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return viewer.allows(path.apply(vars), Permission.CONFIGURE);
    }
  }

  /**
   * The caller's own things (their tokens page): a user declared in Git and active, in person. The
   * bootstrap login has nothing of its own.
   */
  record Self() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return !viewer.bootstrap()
          && viewer.caller().narrowedTo().isEmpty()
          && viewer.policy().isActive(viewer.caller().userId());
    }
  }

  /** A fixed path and permission, e.g. Admin on {@code /access} for the audit log. */
  record On(AccessPath path, Permission permission) implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return viewer.allows(path, permission);
    }
  }

  /**
   * A guest: read on its path, or a view the caller holds shows it. Variables {@code remote} and
   * {@code vmid}.
   */
  record ReadGuest() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return Guests.vmid(vars.get("vmid"))
          .map(vmid -> guest(viewer, vars.get("remote"), vmid, fleet))
          .orElse(false);
    }

    static boolean guest(Viewer viewer, String remote, int vmid, Supplier<FleetSnapshot> fleet) {
      if (viewer.allows(AccessPath.guest(remote, vmid), Permission.READ)) {
        return true;
      }
      String id = "remote/" + remote + "/guest/" + vmid;
      for (FleetResource r : fleet.get().resources()) {
        if (r.id().equals(id)) {
          return viewer.canSee(r);
        }
      }
      return false;
    }
  }

  /**
   * Manage on a guest's path (its state: power, reboot, placement); a view never grants it.
   * Variables {@code remote} and {@code vmid}.
   */
  record OperateGuest() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return Guests.vmid(vars.get("vmid"))
          .map(
              vmid -> viewer.allows(AccessPath.guest(vars.get("remote"), vmid), Permission.OPERATE))
          .orElse(false);
    }
  }

  /**
   * A task of a remote: read on the node that ran it, or on the guest its UPID names. Variables
   * {@code remote} and {@code upid}.
   */
  record ReadTask() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      String remote = vars.get("remote");
      String[] upid = vars.getOrDefault("upid", "").split(":", -1);
      if (upid.length < 8 || !upid[0].equals("UPID") || upid[1].isEmpty()) {
        return viewer.allows(AccessPath.remote(remote), Permission.READ);
      }
      if (viewer.allows(AccessPath.node(remote, upid[1]), Permission.READ)) {
        return true;
      }
      return Guests.vmid(upid[6])
          .map(vmid -> ReadGuest.guest(viewer, remote, vmid, fleet))
          .orElse(false);
    }
  }

  /**
   * Stop a task: Manage on the node that runs it, or on the guest its UPID names (a view never
   * grants it). Variables {@code remote} and {@code upid}.
   */
  record OperateTask() implements Requirement {
    @Override
    public boolean allows(Viewer viewer, Map<String, String> vars, Supplier<FleetSnapshot> fleet) {
      return TaskPaths.tokenFor(viewer, vars.get("remote"), vars.get("upid"), Permission.OPERATE)
          .isPresent();
    }
  }

  /** Guest ids as they appear in paths and UPIDs. */
  final class Guests {
    private Guests() {}

    static java.util.Optional<Integer> vmid(String text) {
      if (text == null || !text.matches("[1-9][0-9]{2,8}")) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Integer.parseInt(text));
    }
  }
}
