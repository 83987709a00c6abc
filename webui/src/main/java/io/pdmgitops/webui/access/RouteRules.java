package io.pdmgitops.webui.access;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.webui.control.ControlRoutes;
import io.pdmgitops.webui.edit.EditRoutes;
import io.pdmgitops.webui.pages.AuditPage;
import io.pdmgitops.webui.pages.TokensPage;
import io.pdmgitops.webui.plan.PlanRoutes;
import io.pdmgitops.webui.shell.ShellRoutes;
import io.pdmgitops.webui.write.IntentRoutes;
import io.pdmgitops.webui.write.RevertRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every route of the pages, the API and the event stream asks of its caller. Deny by default:
 * a request that matches no rule is answered 404 before it reaches a handler, so a route added
 * without a rule serves nobody (and the route matrix test names it).
 *
 * <ul>
 *   <li>Lists, counts and searches ({@link Requirement.Filtered}) are open to any caller who may
 *       see something, and show only that.
 *   <li>One resource's page or answer needs read on its path (or a view that shows it).
 *   <li>The Git history, the files of a commit and a plan describe the whole fleet: read on {@code
 *       /}.
 *   <li>Metrics describe the controller: read on {@code /system}.
 *   <li>Reconciling the whole fleet now, and suspending or resuming every action, change the state
 *       of everything: Manage on {@code /}; reconciling one guest now, Manage on the guest.
 *   <li>A node's shell, and closing someone's: Admin on the node.
 *   <li>The audit log names every user and address, and resetting another user's second factor
 *       changes access: Admin on {@code /access}.
 *   <li>A user's own tokens page: any active user of Git, in person.
 * </ul>
 */
public final class RouteRules {
  private static final Requirement FILTERED = new Requirement.Filtered();
  private static final Requirement WHOLE_FLEET = new Requirement.ReadOn(v -> AccessPath.ROOT);
  private static final Requirement FLEET_STATE =
      new Requirement.On(AccessPath.ROOT, Permission.OPERATE);
  private static final Requirement SELF = new Requirement.Self();
  private static final java.util.function.Function<Map<String, String>, AccessPath> NODE =
      v -> AccessPath.node(v.get("remote"), v.get("node"));
  private static final Requirement NODE_ADMIN = new Requirement.AdminOn(NODE);
  private static final Requirement AUDIT = new Requirement.On(AuditPage.GUARD, AuditPage.NEEDS);

  /** Every route with its rule, in the routers' order. */
  public static final List<RouteRule> ALL =
      List.of(
          // Pages
          get("/", FILTERED),
          get("/remotes", FILTERED),
          get("/remotes/{name}", new Requirement.ReadOn(v -> AccessPath.remote(v.get("name")))),
          get("/views/{name}", new Requirement.ReadOn(v -> AccessPath.view(v.get("name")))),
          get("/resources", FILTERED),
          get("/guests/{remote}/{vmid}", new Requirement.ReadGuest()),
          post(IntentRoutes.PATH, new Requirement.OperateGuest()),
          // Where the guest lands is checked with the commit (Manage there too).
          post(IntentRoutes.MOVE, new Requirement.OperateGuest()),
          get("/tasks", FILTERED),
          get(io.pdmgitops.webui.health.HealthRoutes.PAGE, FILTERED),
          get(io.pdmgitops.webui.health.HealthRoutes.API, FILTERED),
          get(io.pdmgitops.webui.health.HealthRoutes.SUMMARY, FILTERED),
          get(io.pdmgitops.webui.health.HealthRoutes.TABLE, FILTERED),
          get(io.pdmgitops.webui.health.HealthRoutes.TABLE_API, FILTERED),
          // A node's packages: reading a changelog is a read; refreshing the index a task (Manage).
          get(io.pdmgitops.webui.health.UpdatesRoutes.CHANGELOG, new Requirement.ReadOn(NODE)),
          post(
              io.pdmgitops.webui.health.UpdatesRoutes.REFRESH_API, new Requirement.OperateOn(NODE)),
          post(io.pdmgitops.webui.health.UpdatesRoutes.REFRESH, new Requirement.OperateOn(NODE)),
          post(
              io.pdmgitops.webui.health.HealthRoutes.REFRESH,
              new Requirement.ReadOn(v -> AccessPath.remote(v.get("remote")))),
          // A node's shell is the one imperative door into a remote: Admin on the node. The list
          // of open shells shows only those on nodes the caller is Admin of.
          get(ShellRoutes.PAGE, NODE_ADMIN),
          get(ShellRoutes.SOCKET, NODE_ADMIN),
          get(ShellRoutes.SESSIONS, FILTERED),
          post(ShellRoutes.CLOSE, NODE_ADMIN),
          get("/tasks/{remote}/{upid}", new Requirement.ReadTask()),
          post(io.pdmgitops.webui.tasks.TaskStopRoutes.PAGE, new Requirement.OperateTask()),
          get("/source/{commit}/{*path}", WHOLE_FLEET),
          get("/api", FILTERED),
          get("/drift", FILTERED),
          get("/history", WHOLE_FLEET),
          // Reading history needs read on /; the revert itself is checked object by object.
          get(RevertRoutes.PATH, WHOLE_FLEET),
          post(RevertRoutes.PATH, WHOLE_FLEET),
          // The editor shows any file of the repository: read on /; the commit is checked object
          // by object, as every change from the UI.
          get(EditRoutes.TREE, WHOLE_FLEET),
          get(EditRoutes.NEW, WHOLE_FLEET),
          get(EditRoutes.ADOPT, WHOLE_FLEET),
          get(EditRoutes.EDIT, WHOLE_FLEET),
          post(EditRoutes.EDIT, WHOLE_FLEET),
          post(EditRoutes.CHECK, WHOLE_FLEET),
          post(EditRoutes.DIFF, WHOLE_FLEET),
          get(AuditPage.PATH, AUDIT),
          get("/login/tfa", SELF),
          post("/login/tfa", SELF),
          get("/access/tfa", SELF),
          post("/access/tfa", SELF),
          post("/access/tfa/remove", SELF),
          post("/access/tfa/passkey/options", SELF),
          post("/access/tfa/passkey", SELF),
          post("/access/tfa/passkey/remove", SELF),
          post("/login/tfa/passkey/options", SELF),
          post("/login/tfa/passkey", SELF),
          post("/access/tfa/reset", AUDIT),
          get(TokensPage.PATH, SELF),
          post(TokensPage.PATH, SELF),
          post(TokensPage.REVOKE, SELF),
          // JSON API
          get("/api/v1/status", FILTERED),
          get("/api/v1/resources", FILTERED),
          get("/api/v1/guests/{remote}/{vmid}", new Requirement.ReadGuest()),
          get("/api/v1/guests/{remote}/{vmid}/rrddata", new Requirement.ReadGuest()),
          get("/api/v1/drift", FILTERED),
          get("/api/v1/remotes", FILTERED),
          get(
              "/api/v1/remotes/{name}",
              new Requirement.ReadOn(v -> AccessPath.remote(v.get("name")))),
          get("/api/v1/remotes/{remote}/tasks/{upid}/log", new Requirement.ReadTask()),
          post(io.pdmgitops.webui.tasks.TaskStopRoutes.API, new Requirement.OperateTask()),
          get("/api/v1/tasks", FILTERED),
          get(ShellRoutes.SESSIONS_API, FILTERED),
          post(ShellRoutes.CLOSE_API, NODE_ADMIN),
          get("/api/v1/commits", WHOLE_FLEET),
          // Reconcile now, suspend, resume: state changes of what they cover (Manage).
          post(ControlRoutes.SYNC, FLEET_STATE),
          post(ControlRoutes.SYNC_GUEST, new Requirement.OperateGuest()),
          post(ControlRoutes.SUSPEND, FLEET_STATE),
          post(ControlRoutes.RESUME, FLEET_STATE),
          // A plan judges a whole desired state against the whole fleet.
          post(PlanRoutes.PATH, WHOLE_FLEET),
          get(AuditPage.API, AUDIT),
          get("/api/v1/openapi.json", FILTERED),
          get("/metrics", new Requirement.ReadOn(v -> AccessPath.system())),
          // Live updates: events name no resource (a time, an action kind, a commit)
          get("/events", FILTERED));

  /** Open to anyone, logged in or not: the login form and the static files pages load. */
  public static final List<String> PUBLIC =
      List.of(
          "/login",
          "/oauth2/authorization/*",
          "/login/oauth2/code/*",
          // Signed by the Git host instead of a login: the signature is checked by the handler.
          "/api/v1/webhooks/*",
          "/css/**",
          "/js/**",
          "/webjars/**",
          "/favicon.ico");

  private static final List<PathPattern> PUBLIC_PATTERNS =
      PUBLIC.stream().map(p -> PathPatternParser.defaultInstance.parse(p)).toList();

  /** Whether a path is one of {@link #PUBLIC}. */
  public static boolean isPublic(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return PUBLIC_PATTERNS.stream().anyMatch(p -> p.matches(container));
  }

  private static final List<Compiled> COMPILED =
      ALL.stream().map(r -> new Compiled(r, r.parse())).toList();

  private record Compiled(RouteRule rule, PathPattern pattern) {}

  /** A rule that matched a request, with the request's path variables. */
  public record Match(RouteRule rule, Map<String, String> variables) {}

  private RouteRules() {}

  /** The rule of the request's route, if it has one. */
  public static Optional<Match> match(HttpMethod method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Compiled c : COMPILED) {
      Optional<Map<String, String>> vars = c.rule().match(c.pattern(), method, container);
      if (vars.isPresent()) {
        return Optional.of(new Match(c.rule(), vars.get()));
      }
    }
    return Optional.empty();
  }

  /** Whether a route pattern, as a router declares it, has a rule. */
  public static boolean covers(HttpMethod method, String pattern) {
    return ALL.stream().anyMatch(r -> r.method().equals(method) && r.pattern().equals(pattern));
  }

  private static RouteRule get(String pattern, Requirement requirement) {
    return new RouteRule(HttpMethod.GET, pattern, requirement);
  }

  private static RouteRule post(String pattern, Requirement requirement) {
    return new RouteRule(HttpMethod.POST, pattern, requirement);
  }
}
