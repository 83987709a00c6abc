package io.pdmgitops.controller.app;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each kind of caller may open, route pattern by route pattern: the expectations of the
 * generated route x role matrix in {@link AccessControlIT}, written from the roles' meaning (the
 * design notes' Audit, Manage, Admin on paths; PDM's view capability), not from the route table
 * under test. A GET route the router serves that is missing here fails the test: a new route needs
 * its row.
 *
 * <p>Callers: Admin on /, Audit on /, the demo's operator (Manage on /remotes/dc-east, Audit on
 * /views/production), Audit on /remotes/dc-east, a view-only user (Audit on /views/production), and
 * a token of an Audit-on-/ robot narrowed to /remotes/dc-east.
 */
final class RouteMatrix {
  enum Caller {
    ADMIN,
    AUDITOR,
    OPERATOR,
    EAST_AUDITOR,
    VIEWER,
    EAST_TOKEN
  }

  /**
   * A route's sample requests.
   *
   * @param inside a request on what the narrow callers' rules reach (dc-east, the production view)
   * @param insideAllowed who may open it
   * @param outside a request on what they do not reach (dc-west, the backups view), if the route
   *     names a resource
   * @param outsideAllowed who may open that
   * @param allowedStatus what an allowed caller gets (404 where the sample names no real object,
   *     such as a made-up task id: the point is that it is not 403)
   */
  record Case(
      String inside,
      Set<Caller> insideAllowed,
      Optional<String> outside,
      Set<Caller> outsideAllowed,
      Set<Integer> allowedStatus) {}

  static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  static final Set<Caller> WHOLE_FLEET = EnumSet.of(Caller.ADMIN, Caller.AUDITOR);
  static final Set<Caller> EAST =
      EnumSet.of(
          Caller.ADMIN, Caller.AUDITOR, Caller.OPERATOR, Caller.EAST_AUDITOR, Caller.EAST_TOKEN);
  static final Set<Caller> PRODUCTION_VIEW =
      EnumSet.of(Caller.ADMIN, Caller.AUDITOR, Caller.OPERATOR, Caller.VIEWER);

  private RouteMatrix() {}

  /** Every GET route pattern with its samples; {@code commit} is a commit of the repository. */
  static Map<String, Case> cases(String commit) {
    Map<String, Case> cases = new LinkedHashMap<>();
    // Lists, dashboards and documents: everyone with a login, filtered to what they may see.
    for (String list :
        new String[] {
          "/",
          "/remotes",
          "/resources",
          "/tasks",
          "/health",
          "/health/summary",
          "/api/v1/health",
          "/api",
          "/drift",
          "/api/v1/status",
          "/api/v1/resources",
          "/api/v1/drift",
          "/api/v1/remotes",
          "/api/v1/tasks",
          "/api/v1/openapi.json",
          "/access/tfa",
          "/access/tokens"
        }) {
      cases.put(list, only(list, EVERYONE));
    }
    cases.put("/health/overviews/{overview}", only("/health/overviews/subscriptions", EVERYONE));
    cases.put(
        "/api/v1/health/overviews/{overview}",
        only("/api/v1/health/overviews/subscriptions", EVERYONE));
    // A full login asking for the second factor's page is sent on.
    cases.put(
        "/login/tfa", new Case("/login/tfa", EVERYONE, Optional.empty(), Set.of(), Set.of(303)));
    cases.put("/events", only("/events", EVERYONE));
    // One remote, one guest: its path decides.
    cases.put("/remotes/{name}", pair("/remotes/dc-east", EAST, "/remotes/dc-west"));
    cases.put(
        "/api/v1/remotes/{name}", pair("/api/v1/remotes/dc-east", EAST, "/api/v1/remotes/dc-west"));
    cases.put("/guests/{remote}/{vmid}", pair("/guests/dc-east/120", EAST, "/guests/dc-west/211"));
    cases.put(
        "/api/v1/guests/{remote}/{vmid}",
        pair("/api/v1/guests/dc-east/120", EAST, "/api/v1/guests/dc-west/211"));
    cases.put(
        "/api/v1/guests/{remote}/{vmid}/rrddata",
        pair(
            "/api/v1/guests/dc-east/120/rrddata?timeframe=hour",
            EAST,
            "/api/v1/guests/dc-west/211/rrddata?timeframe=hour"));
    cases.put(
        "/api/v1/remotes/{remote}/nodes/{node}/apt/changelog",
        pair(
            "/api/v1/remotes/dc-east/nodes/pve-east-1/apt/changelog?package=openssl&version=1",
            EAST,
            "/api/v1/remotes/dc-west/nodes/pve-west-1/apt/changelog?package=openssl&version=1"));
    // Tasks by a made-up id: allowed callers learn it does not exist, others that they may not.
    String upid = "UPID:pve-east-1:0000AAAA:0000BBBB:6750A000:qmstart:120:root@pam:";
    String westUpid = upid.replace("pve-east-1", "pve-west-1");
    cases.put(
        "/tasks/{remote}/{upid}",
        new Case(
            "/tasks/dc-east/" + upid,
            EAST,
            Optional.of("/tasks/dc-west/" + westUpid),
            WHOLE_FLEET,
            Set.of(200, 404)));
    cases.put(
        "/api/v1/remotes/{remote}/tasks/{upid}/log",
        new Case(
            "/api/v1/remotes/dc-east/tasks/" + upid + "/log",
            EAST,
            Optional.of("/api/v1/remotes/dc-west/tasks/" + westUpid + "/log"),
            WHOLE_FLEET,
            Set.of(200, 404)));
    // A node's shell: Admin on the node (the demo gives it to the admin only). Its socket opens
    // for nobody without the session's form token in its query, admins included (ShellIT opens
    // it with the token).
    cases.put(
        "/shell/{remote}/{node}",
        new Case(
            "/shell/dc-east/pve-east-1",
            EnumSet.of(Caller.ADMIN),
            Optional.of("/shell/dc-west/pve-west-1"),
            EnumSet.of(Caller.ADMIN),
            Set.of(200)));
    cases.put(
        "/shell/{remote}/{node}/socket",
        new Case(
            "/shell/dc-east/pve-east-1/socket",
            Set.of(),
            Optional.of("/shell/dc-west/pve-west-1/socket"),
            Set.of(),
            Set.of()));
    cases.put("/shells", only("/shells", EVERYONE));
    cases.put("/api/v1/shells", only("/api/v1/shells", EVERYONE));
    // Views: a role on the view opens it; the whole fleet's readers open every view.
    cases.put(
        "/views/{name}",
        new Case(
            "/views/production",
            PRODUCTION_VIEW,
            Optional.of("/views/backups"),
            WHOLE_FLEET,
            Set.of(200)));
    // Git's history and sources concern the whole fleet: read on /.
    cases.put("/history", only("/history", WHOLE_FLEET));
    cases.put("/history/{sha}/revert", only("/history/" + commit + "/revert", WHOLE_FLEET));
    cases.put("/api/v1/commits", only("/api/v1/commits", WHOLE_FLEET));
    cases.put(
        "/source/{commit}/{*path}",
        only("/source/" + commit + "/guests/dc-east.yaml", WHOLE_FLEET));
    cases.put("/repository", only("/repository", WHOLE_FLEET));
    // A redirect to the editor, for those who may open it.
    cases.put(
        "/guests/{remote}/{vmid}/adopt",
        new Case(
            "/guests/dc-east/120/adopt?file=guests/dc-east.yaml",
            WHOLE_FLEET,
            Optional.empty(),
            Set.of(),
            Set.of(303)));
    cases.put(
        "/repository/new",
        new Case(
            "/repository/new?path=guests/new.yaml&kind=Guest&name=new",
            WHOLE_FLEET,
            Optional.empty(),
            Set.of(),
            Set.of(303)));
    cases.put("/edit/{*path}", only("/edit/guests/dc-east.yaml", WHOLE_FLEET));
    // The controller itself: read on /system; the audit log: Admin on /access.
    cases.put("/metrics", only("/metrics", WHOLE_FLEET));
    cases.put("/audit", only("/audit", EnumSet.of(Caller.ADMIN)));
    cases.put("/api/v1/audit", only("/api/v1/audit", EnumSet.of(Caller.ADMIN)));
    return cases;
  }

  private static Case only(String path, Set<Caller> allowed) {
    return new Case(path, allowed, Optional.empty(), Set.of(), Set.of(200));
  }

  private static Case pair(String inside, Set<Caller> insideAllowed, String outside) {
    return new Case(inside, insideAllowed, Optional.of(outside), WHOLE_FLEET, Set.of(200));
  }
}
