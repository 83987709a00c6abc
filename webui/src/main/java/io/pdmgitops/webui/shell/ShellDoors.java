package io.pdmgitops.webui.shell;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.api.ResourceRowView;
import java.util.List;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Which node rows a page shows a Shell button on: those whose node the caller is Admin of. */
public record ShellDoors(Optional<Viewer> viewer) {
  public static ShellDoors of(ServerRequest request) {
    return new ShellDoors(Viewer.of(request));
  }

  /** Whether the caller may open a shell on any of these nodes of the remote. */
  public boolean opensAny(String remote, List<ResourceRowView> nodes) {
    return nodes.stream().anyMatch(n -> opens(remote, n.name()));
  }

  public boolean opens(String remote, String node) {
    try {
      return viewer
          .map(v -> v.allows(AccessPath.node(remote, node), Permission.CONFIGURE))
          .orElse(false);
    } catch (IllegalArgumentException e) {
      return false; // not a name an ACL path can hold
    }
  }
}
