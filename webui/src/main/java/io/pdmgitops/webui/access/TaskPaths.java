package io.pdmgitops.webui.access;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.access.RemoteToken;
import java.util.Optional;

/**
 * The paths that guard a remote's task, from its UPID: the node that ran it, then the guest it
 * names. PVE's UPIDs read {@code UPID:node:pid:pstart:starttime:type:id:user:}, PBS's carry one
 * field more before the start time; only the node and, for a guest task, a VMID-shaped id count.
 */
public final class TaskPaths {
  private TaskPaths() {}

  /**
   * The token a read of the request's task ({@code remote} and {@code upid} path variables) goes
   * with: the one its role came through, or the remote's default when only a view shows it (what a
   * view shows is read with the controller's own token everywhere).
   */
  public static RemoteToken readingToken(
      org.springframework.web.reactive.function.server.ServerRequest request) {
    String remote = request.pathVariable("remote");
    String upid = request.pathVariable("upid");
    return Viewer.of(request)
        .flatMap(v -> tokenFor(v, remote, upid, Permission.READ))
        .orElse(RemoteToken.DEFAULT);
  }

  /**
   * The token a request on the task goes with, when the caller may make it: through the node's path
   * first, then the guest's. A request allowed only by a view is no request on the remote's paths:
   * the caller gets empty here and reads, if at all, through the controller's own token.
   */
  public static Optional<RemoteToken> tokenFor(
      Viewer viewer, String remote, String upid, Permission permission) {
    String[] f = upid == null ? new String[0] : upid.split(":", -1);
    if (remote == null || f.length < 8 || !f[0].equals("UPID") || f[1].isEmpty()) {
      return Optional.empty();
    }
    Optional<RemoteToken> onNode;
    try {
      onNode = viewer.tokenFor(AccessPath.node(remote, f[1]), permission);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a name an ACL path can hold
    }
    if (onNode.isPresent()) {
      return onNode;
    }
    String id = f[f.length - 3];
    return Requirement.Guests.vmid(id)
        .flatMap(vmid -> viewer.tokenFor(AccessPath.guest(remote, vmid), permission));
  }
}
