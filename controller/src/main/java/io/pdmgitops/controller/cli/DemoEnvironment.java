package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.files.FileTrees;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.ClusterConfig;
import io.pdmgitops.simulator.config.FleetConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.PbsConfig;
import io.pdmgitops.simulator.config.TokenConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * What {@code --demo} sets up before the controller starts: the simulated fleet of {@code
 * examples/fleet.yaml}, and (once) a bare Git repository seeded from {@code examples/demo-repo}
 * that users clone and push to, with random passwords for its local users ({@link DemoLogins}).
 */
final class DemoEnvironment implements AutoCloseable {
  /** The demo's users, relative to examples/demo-repo and the seeded copy. */
  static final String USERS = "access/users.yaml";

  private final SimulatedFleet fleet;
  private final Path repository;
  private final Map<String, String> secrets;
  private final DemoLogins logins;
  private final Path loginsFile;

  private DemoEnvironment(
      SimulatedFleet fleet,
      Path repository,
      Map<String, String> secrets,
      DemoLogins logins,
      Path loginsFile) {
    this.fleet = fleet;
    this.repository = repository;
    this.secrets = secrets;
    this.logins = logins;
    this.loginsFile = loginsFile;
  }

  static DemoEnvironment start(Path examples, Path dataDir) throws IOException, GitAPIException {
    Path fleetFile = examples.resolve("fleet.yaml");
    Path demoRepo = examples.resolve("demo-repo");
    if (!Files.isRegularFile(fleetFile) || !Files.isDirectory(demoRepo)) {
      throw new IOException(
          "the demo needs "
              + fleetFile
              + " and "
              + demoRepo
              + ": run it from the repository root or pass --examples DIR");
    }
    FleetConfig config = FleetConfigReader.read(fleetFile);
    Path bare = dataDir.toAbsolutePath().resolve("demo-repo.git");
    Path loginsFile = dataDir.toAbsolutePath().resolve(DemoLogins.FILE_NAME);
    DemoLogins logins;
    if (!Files.isDirectory(bare)) {
      // The passwords are saved before the repository holds their hashes: a start that fails in
      // between seeds again next time and overwrites the file, never the other way round.
      logins = DemoLogins.generate();
      logins.save(loginsFile);
      seed(bare, demoRepo, dataDir.toAbsolutePath().resolve("demo-seed"), logins);
    } else {
      // Seeded by an earlier start: its repository holds the hashes of the saved passwords.
      logins = DemoLogins.load(loginsFile).orElseGet(DemoLogins::none);
    }
    SimulatedFleet fleet = SimulatedFleet.start(config);
    return new DemoEnvironment(fleet, bare, secrets(config), logins, loginsFile);
  }

  /**
   * The demo repository references the controller's token (the fleet's first admin token) as
   * PDM_DEMO_<REMOTE>_TOKEN and each further one as PDM_DEMO_<REMOTE>_<TOKEN NAME>_TOKEN.
   */
  private static Map<String, String> secrets(FleetConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ClusterConfig c : config.clusters()) {
      first(c.tokens(), c.name(), out);
    }
    for (PbsConfig p : config.backupServers()) {
      first(p.tokens(), p.name(), out);
    }
    return out;
  }

  private static void first(List<TokenConfig> tokens, String remote, Map<String, String> out) {
    String prefix = "PDM_DEMO_" + envName(remote) + "_";
    tokens.stream()
        .filter(t -> t.role().equals("admin"))
        .findFirst()
        .ifPresent(t -> out.put(prefix + "TOKEN", t.secret()));
    for (TokenConfig t : tokens) {
      String name = t.id().substring(t.id().indexOf('!') + 1);
      out.putIfAbsent(prefix + envName(name) + "_TOKEN", t.secret());
    }
  }

  private static String envName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static void seed(Path bare, Path demoRepo, Path work, DemoLogins logins)
      throws IOException, GitAPIException {
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    FileTrees.delete(work);
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      try (Stream<Path> files = Files.walk(demoRepo)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = work.resolve(demoRepo.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
      logins.writeHashes(work.resolve(USERS));
      git.add().addFilepattern(".").call();
      PersonIdent demo = new PersonIdent("pdm-gitops demo", "demo@pdm-gitops.invalid");
      git.commit()
          .setMessage("Import the demo desired state")
          .setAuthor(demo)
          .setCommitter(demo)
          .call();
      git.push()
          .setRemote(bare.toUri().toString())
          .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/main:refs/heads/main"))
          .call();
    }
    FileTrees.delete(work);
  }

  Path repository() {
    return repository;
  }

  Map<String, String> secrets() {
    return secrets;
  }

  /** User id to password of the demo's local users; empty if their file was deleted. */
  Map<String, String> logins() {
    return logins.passwords();
  }

  /** The demo-credentials block for the start-up output. */
  void printLogins(java.io.PrintWriter out) {
    logins.print(out, loginsFile);
  }

  SimulatedFleet fleet() {
    return fleet;
  }

  @Override
  public void close() {
    fleet.close();
  }
}
