package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.AptConfig;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.ParamSchema.Param;
import io.pdmgitops.simulator.http.ParamSchema.Type;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's packages and sources, as pve-manager 8.x {@code PVE/API2/APT.pm} and proxmox-apt give
 * them: {@code apt/update} (the cached upgradable list; Sys.Modify, as the real one), its refresh
 * task, {@code apt/changelog} (Sys.Modify; plain text, a failure is 200 with {@code RC: n} at the
 * end), {@code apt/versions} (Sys.Audit; {@code RunningKernel} on proxmox-ve, {@code
 * ManagerVersion} on pve-manager, installed kernels newest first) and {@code apt/repositories}
 * (Sys.Audit; proxmox-apt's {@code infos} with its own texts: origins and suite warnings, nothing
 * about subscriptions, which the UI judges).
 */
final class PveAptApi {
  private static final ParamSchema CHANGELOG =
      ParamSchema.of(
          Param.node("node", false),
          Param.required("name", Type.STRING),
          Param.optional("version", Type.STRING));

  private static final String ENTERPRISE = "https://enterprise.proxmox.com/debian/pve";
  private static final String DOWNLOAD = "http://download.proxmox.com/debian/pve";

  private final PveCluster cluster;

  PveAptApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/nodes/{node}/apt/update", this::pendingUpdates),
        Route.of("POST", "/nodes/{node}/apt/update", this::refreshUpdates),
        Route.of("GET", "/nodes/{node}/apt/changelog", this::changelog),
        Route.of("GET", "/nodes/{node}/apt/versions", this::versions),
        Route.of("GET", "/nodes/{node}/apt/repositories", this::repositories));
  }

  private ApiResponse pendingUpdates(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Modify");
    SimNode n = cluster.reachableNode(call.var("node"));
    call.allow(Set.of());
    ArrayNode out = Json.array();
    for (AptConfig.PackageConfig p : n.apt.pending()) {
      ObjectNode o =
          out.addObject()
              .put("Package", p.name())
              .put("Title", p.title())
              .put("Description", p.title() + ".")
              .put("Version", p.version());
      if (p.oldVersion() != null) {
        o.put("OldVersion", p.oldVersion());
      }
      o.put("Arch", "amd64")
          .put("Origin", p.origin())
          .put("Priority", p.priority())
          .put("Section", p.section());
    }
    return ApiResponse.ok(out);
  }

  private ApiResponse refreshUpdates(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Modify");
    SimNode n = cluster.reachableNode(call.var("node"));
    call.allow(Set.of("notify", "quiet"));
    call.bool("notify", false);
    call.bool("quiet", false);
    SimTask task =
        cluster.tasks.start(
            n.name,
            "aptupdate",
            "",
            PveCluster.user(call.token()),
            cluster.now(),
            cluster.taskDuration(),
            "OK",
            () -> {});
    task.log.add("starting apt-get update");
    task.log.add("Hit:1 http://deb.debian.org/debian " + n.apt.suite() + " InRelease");
    return ApiResponse.ok(Json.text(task.upid));
  }

  private ApiResponse changelog(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Modify");
    SimNode n = cluster.reachableNode(call.var("node"));
    call.validate(CHANGELOG);
    String name = call.string("name", "");
    return ApiResponse.ok(
        Json.text(
            n.apt.pending().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .map(p -> entry(p, call.string("version", p.version()), n.apt.suite()))
                .orElse("E: Unable to locate package " + name + "\nRC: 100")));
  }

  private static String entry(AptConfig.PackageConfig p, String version, String suite) {
    boolean proxmox = p.origin().equals("Proxmox");
    return p.name()
        + " ("
        + version
        + ") "
        + suite
        + (proxmox ? "" : "-security")
        + "; urgency="
        + (proxmox ? "medium" : "high")
        + "\n\n  * "
        + (proxmox
            ? "update to " + version + " with fixes from the stable branch"
            : "Fix CVE-2026-0001: out-of-bounds read in certificate parsing")
        + "\n\n -- "
        + (proxmox
            ? "Proxmox Support Team <support@proxmox.com>"
            : "Debian Security Team <team@security.debian.org>")
        + "  Mon, 23 Nov 2026 10:00:00 +0100\n";
  }

  private ApiResponse versions(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Audit");
    SimNode n = cluster.reachableNode(call.var("node"));
    call.allow(Set.of());
    ArrayNode out = Json.array();
    installed(out, "proxmox-ve", "Proxmox Virtual Environment", "8.2.0", "admin")
        .put("RunningKernel", n.apt.runningKernel());
    installed(
            out,
            "pve-manager",
            "Proxmox Virtual Environment Management Tools",
            cluster.version(),
            "admin")
        .put("ManagerVersion", cluster.version() + "/" + PveReadApi.REPOID);
    for (String release : n.apt.installedKernels()) {
      installed(
          out,
          "proxmox-kernel-" + release + "-signed",
          "Proxmox Kernel Image (signed)",
          release.replace("-pve", ""),
          "kernel");
    }
    if (n.apt.ceph()) {
      // Optional packages are listed only when installed (APT.pm's versions).
      installed(out, "ceph", "distributed storage and file system", "18.2.4-pve3", "admin");
    }
    installed(out, "corosync", "cluster engine daemon and utilities", "3.1.7-pve3", "admin");
    installed(out, "qemu-server", "Qemu Server Tools", "8.2.4", "admin");
    return ApiResponse.ok(out);
  }

  private static ObjectNode installed(
      ArrayNode out, String name, String title, String version, String section) {
    return out.addObject()
        .put("Package", name)
        .put("Title", title)
        .put("Description", title + ".")
        .put("Version", version)
        .put("OldVersion", version)
        .put("Arch", "amd64")
        .put("Origin", "Proxmox")
        .put("Priority", "optional")
        .put("Section", section)
        .put("CurrentState", "Installed");
  }

  private ApiResponse repositories(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Audit");
    SimNode n = cluster.reachableNode(call.var("node"));
    call.allow(Set.of());
    AptConfig apt = n.apt;
    String suite = apt.suite();
    ObjectNode o = Json.object();
    ArrayNode files = o.putArray("files");
    ArrayNode infos = o.putArray("infos");

    String debian = "/etc/apt/sources.list";
    ArrayNode repos = file(files, debian);
    repository(
        repos,
        "http://deb.debian.org/debian",
        suite + " " + suite + "-updates",
        "main contrib",
        true);
    origin(infos, debian, 0, "Debian");
    oldSuite(infos, debian, 0, suite);
    int index = 1;
    if (apt.security()) {
      repository(
          repos,
          "http://security.debian.org/debian-security",
          suite + "-security",
          "main contrib",
          true);
      origin(infos, debian, index, "Debian");
      oldSuite(infos, debian, index, suite);
      index++;
    }
    if (apt.repositories().contains("no-subscription")) {
      repository(repos, DOWNLOAD, suite, "pve-no-subscription", true);
      origin(infos, debian, index, "Proxmox");
      oldSuite(infos, debian, index, suite);
      index++;
    }
    if (apt.repositories().contains("test")) {
      repository(repos, DOWNLOAD, suite, "pvetest", true);
      origin(infos, debian, index, "Proxmox");
      oldSuite(infos, debian, index, suite);
    }
    for (String handle : apt.repositories()) {
      if (handle.startsWith("ceph-")) {
        String ceph = "/etc/apt/sources.list.d/ceph.list";
        boolean enterprise = handle.endsWith("-enterprise");
        repository(
            file(files, ceph),
            enterprise
                ? "https://enterprise.proxmox.com/debian/ceph-reef"
                : "http://download.proxmox.com/debian/ceph-reef",
            suite,
            enterprise ? "enterprise" : handle.endsWith("-test") ? "test" : "no-subscription",
            true);
        origin(infos, ceph, 0, "Proxmox");
      }
    }
    // The enterprise list is installed with PVE; disabling it comments it out.
    String enterprise = "/etc/apt/sources.list.d/pve-enterprise.list";
    boolean enterpriseOn = apt.repositories().contains("enterprise");
    repository(file(files, enterprise), ENTERPRISE, suite, "pve-enterprise", enterpriseOn);
    origin(infos, enterprise, 0, "Proxmox");
    oldSuite(infos, enterprise, 0, suite);

    o.putArray("errors");
    o.put("digest", String.format("%064x", (long) apt.hashCode() & 0xffffffffL));
    ArrayNode standard = o.putArray("standard-repos");
    standard(
        standard,
        "enterprise",
        "Enterprise",
        apt.repositories().contains("enterprise") ? Boolean.TRUE : Boolean.FALSE);
    standard(
        standard,
        "no-subscription",
        "No-Subscription",
        apt.repositories().contains("no-subscription") ? Boolean.TRUE : null);
    standard(standard, "test", "Test", apt.repositories().contains("test") ? Boolean.TRUE : null);
    for (String kind : List.of("enterprise", "no-subscription", "test")) {
      String handle = "ceph-reef-" + kind;
      standard(
          standard,
          handle,
          "Ceph Reef " + kind,
          apt.repositories().contains(handle) ? Boolean.TRUE : null);
    }
    return ApiResponse.ok(o);
  }

  private static ArrayNode file(ArrayNode files, String path) {
    ObjectNode f = files.addObject().put("path", path).put("file-type", "list");
    ArrayNode digest = f.putArray("digest");
    for (int i = 0; i < 32; i++) {
      digest.add((path.hashCode() >>> (i % 24)) & 0xff);
    }
    return f.putArray("repositories");
  }

  private static void repository(
      ArrayNode repos, String uri, String suites, String components, boolean enabled) {
    ObjectNode r = repos.addObject();
    r.putArray("Types").add("deb");
    r.putArray("URIs").add(uri);
    ArrayNode s = r.putArray("Suites");
    for (String suite : suites.split(" ")) {
      s.add(suite);
    }
    ArrayNode c = r.putArray("Components");
    for (String component : components.split(" ")) {
      c.add(component);
    }
    r.put("FileType", "list").put("Enabled", enabled); // real JSON booleans: serde, not Perl
  }

  private static void origin(ArrayNode infos, String path, int index, String origin) {
    infos
        .addObject()
        .put("path", path)
        .put("index", index)
        .put("kind", "origin")
        .put("message", origin);
  }

  /** proxmox-apt's check_suites: a suite older than the release's codename. */
  private static void oldSuite(ArrayNode infos, String path, int index, String suite) {
    if (List.of("buster", "bullseye").contains(suite)) {
      infos
          .addObject()
          .put("path", path)
          .put("index", index)
          .put("property", "Suites")
          .put("kind", "warning")
          .put("message", "old suite '" + suite + "' configured!");
    }
  }

  private static void standard(ArrayNode standard, String handle, String name, Boolean status) {
    ObjectNode o = standard.addObject().put("handle", handle);
    if (status != null) {
      o.put("status", status.booleanValue());
    }
    o.put("name", name).put("description", name + " repository");
  }
}
