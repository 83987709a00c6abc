package io.pdmgitops.webui.access;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.AccessPolicy;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller of one request and the access policy in force: what pages and the API filter their
 * lists, counts and links through. A request without one (no security in front) sees nothing.
 *
 * @param bootstrap the first-start credential: everything, until an Admin exists in Git
 */
public record Viewer(Caller caller, AccessPolicy policy, boolean bootstrap) {
  /** The exchange attribute the controller's security sets. */
  public static final String ATTRIBUTE = Viewer.class.getName();

  public Viewer {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(policy, "policy");
  }

  /** The request's viewer; nobody (sees nothing) when the exchange has none. */
  public static Optional<Viewer> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  public static Optional<Viewer> of(ServerRequest request) {
    return of(request.exchange());
  }

  /** The user id shown in the header. */
  public String name() {
    return caller.userId();
  }

  public boolean allows(AccessPath path, Permission permission) {
    return bootstrap || policy.allows(caller, path, permission);
  }

  /**
   * The token a request at the path goes to its remote with, when the caller may make it: the
   * remote's default one for the bootstrap login and path rules, a remote group's otherwise.
   */
  public Optional<io.pdmgitops.model.access.RemoteToken> tokenFor(
      AccessPath path, Permission permission) {
    return bootstrap
        ? Optional.of(io.pdmgitops.model.access.RemoteToken.DEFAULT)
        : policy.tokenFor(caller, path, permission);
  }

  public boolean canSee(FleetResource resource) {
    return bootstrap || policy.canSee(caller, resource);
  }

  /** Reads everything: nothing needs filtering. */
  public boolean seesAll() {
    return allows(AccessPath.ROOT, Permission.READ);
  }

  /** The snapshot with only what the caller may see, and only the views they may open. */
  public FleetSnapshot filter(FleetSnapshot snapshot) {
    if (seesAll()) {
      return snapshot;
    }
    List<FleetResource> visible = snapshot.resources().stream().filter(this::canSee).toList();
    TreeMap<String, io.pdmgitops.model.desired.View> views = new TreeMap<>(snapshot.views());
    views.keySet().removeIf(name -> !allows(AccessPath.view(name), Permission.READ));
    return new FleetSnapshot(snapshot.observedAt(), visible, views);
  }
}
