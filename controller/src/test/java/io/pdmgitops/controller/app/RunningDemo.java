package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.cli.DemoAccess;
import io.pdmgitops.controller.git.SnapshotTracker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo as the README starts it, in-process: the simulated fleet, the seeded bare repository and
 * the application on a random plain-HTTP port, polling every second.
 */
public final class RunningDemo implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final DemoAccess demo;
  final ConfigurableApplicationContext app;
  final String url;
  private WebLogin.Session admin;

  public RunningDemo(Path data) throws Exception {
    this(data, Map.of());
  }

  /** With extra properties, e.g. {@code pdm.secrets.NAME} for a secret a commit will refer to. */
  public RunningDemo(Path data, Map<String, Object> extra) throws Exception {
    demo = DemoAccess.start(Path.of("../examples"), data);
    Map<String, Object> properties = new HashMap<>(demo.properties());
    properties.put("pdm.data-dir", data.toString());
    properties.put("server.port", 0);
    properties.put("pdm.repository.poll-interval", "1s");
    properties.put("pdm.inventory-interval", "1s");
    properties.putAll(extra); // last: a test may poll less often, for one

    app = PdmGitopsApplication.start(properties);
    url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    // Users come from Git: until the first commit is read, nobody can log in.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> app.getBean(SnapshotTracker.class).state().isPresent());
  }

  public String url() {
    return url;
  }

  public DemoAccess demo() {
    return demo;
  }

  public ConfigurableApplicationContext app() {
    return app;
  }

  /** GET as the demo's admin (logged in at the first call). */
  public HttpResponse<String> send(String path) throws Exception {
    return send(path, admin());
  }

  /** GET in a session; {@code null} for none. */
  public HttpResponse<String> send(String path, WebLogin.Session session) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (session != null) {
      request.header("Cookie", session.cookie());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The demo admin's session. */
  public synchronized WebLogin.Session admin() throws Exception {
    if (admin == null) {
      admin = login("admin@pdm");
    }
    return admin;
  }

  /** Logs one of the demo's users in. */
  public WebLogin.Session login(String user) throws Exception {
    return WebLogin.login(url, user, demo.logins().get(user));
  }

  /** GET, expecting 200. */
  public String text(String path) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  public JsonNode json(String path) throws Exception {
    return JSON.readTree(text(path));
  }

  /** The change most tests push: dns-01 (lxc 120 on dc-east) stopped; returns the sha. */
  public String stopDns01(Path clone) throws Exception {
    return pushChange(
        clone,
        "guests/dc-east.yaml",
        "  name: dns-01\n  power: running",
        "  name: dns-01\n  power: stopped",
        "Stop dns-01 for maintenance");
  }

  /**
   * Clones the demo repository, writes one file, commits as an admin and pushes, then waits until
   * the commit is in force.
   */
  public void pushFileAndWait(Path clone, String file, String content, String message)
      throws Exception {
    try (Git git =
        Git.cloneRepository()
            .setURI(demo.repository().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      Files.createDirectories(clone.resolve(file).getParent());
      Files.writeString(clone.resolve(file), content);
      git.add().addFilepattern(".").call();
      PersonIdent admin = new PersonIdent("Admin", "infra-admins@corp.example");
      git.commit().setMessage(message).setAuthor(admin).setCommitter(admin).call();
      git.push().call();
    }
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                app.getBean(SnapshotTracker.class)
                    .lastGood()
                    .map(c -> c.commit().message().startsWith(message))
                    .orElse(false));
  }

  /** Clones the demo repository, edits one file, commits as Alice and pushes; returns the sha. */
  public String pushChange(Path clone, String file, String from, String to, String message)
      throws Exception {
    try (Git git =
        Git.cloneRepository()
            .setURI(demo.repository().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      Path path = clone.resolve(file);
      String text = Files.readString(path);
      String changed = text.replace(from, to);
      assertThat(changed).as("the edit applies to %s", file).isNotEqualTo(text);
      Files.writeString(path, changed);
      git.add().addFilepattern(".").call();
      PersonIdent alice = new PersonIdent("Alice Operator", "alice@corp.example");
      String sha =
          git.commit().setMessage(message).setAuthor(alice).setCommitter(alice).call().getName();
      git.push().call();
      return sha;
    }
  }

  @Override
  public void close() {
    app.close();
    demo.close();
  }
}
