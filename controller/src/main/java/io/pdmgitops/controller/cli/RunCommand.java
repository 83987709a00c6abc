package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.app.PdmGitopsApplication;
import io.pdmgitops.controller.tls.WebCertificate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the controller. With {@code --demo} it first starts the simulated fleet and seeds a
 * demo repository; without, it reads {@code pdm.*} from application.yaml and the environment.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the controller (with --demo: against the simulated fleet).")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--demo", description = "Start the simulated fleet and a demo repository first.")
  boolean demo;

  @Option(
      names = "--data-dir",
      description =
          "Data directory (default: $PDM_DATA_DIR, else pdm-gitops-data; demo: pdm-gitops-demo).")
  Path dataDir;

  @Option(
      names = "--examples",
      defaultValue = "examples",
      description = "The examples directory, for --demo.")
  Path examples;

  @Option(
      names = "--port",
      description = "Port of the web UI and API (default 8443 with HTTPS, 8080 with --http).")
  Integer port;

  @Option(
      names = "--bind",
      description =
          "Address to listen on (default: all interfaces; e.g. 127.0.0.1 behind a reverse proxy).")
  String bind;

  @Option(
      names = "--http",
      description =
          "Serve plain HTTP instead of HTTPS, e.g. behind a reverse proxy that terminates TLS.")
  boolean http;

  /** HTTPS unless asked otherwise or Spring Boot's own server.ssl settings are given. */
  private boolean selfSigned() {
    boolean configured =
        System.getenv().keySet().stream().anyMatch(k -> k.startsWith("SERVER_SSL_"))
            || System.getProperties().stringPropertyNames().stream()
                .anyMatch(k -> k.startsWith("server.ssl."));
    return !http && !configured;
  }

  /** TLS 1.0 and 1.1 are broken; Java 17 turns them off too, but a JVM's settings may differ. */
  static final String TLS_PROTOCOLS = "TLSv1.2,TLSv1.3";

  private static boolean protocolsConfigured() {
    return System.getenv("SERVER_SSL_ENABLEDPROTOCOLS") != null
        || System.getenv("SERVER_SSL_ENABLED_PROTOCOLS") != null
        || System.getProperty("server.ssl.enabled-protocols") != null;
  }

  /** The operator's own port setting wins over our default; --port wins over both. */
  private static boolean portConfigured() {
    return System.getenv("SERVER_PORT") != null || System.getProperty("server.port") != null;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Object> properties = new HashMap<>();
    String fromEnvironment = System.getenv("PDM_DATA_DIR");
    Path data =
        (dataDir != null
                ? dataDir
                : demo
                    ? Path.of("pdm-gitops-demo")
                    : Path.of(fromEnvironment != null ? fromEnvironment : "pdm-gitops-data"))
            .toAbsolutePath();
    properties.put("pdm.data-dir", data.toString());
    PrivateDataDir.prepare(data);
    if (bind != null) {
      properties.put("server.address", bind);
    }
    WebCertificate certificate = null;
    if (selfSigned()) {
      certificate = WebCertificate.ensure(data.resolve("tls"));
      properties.put("server.ssl.enabled", "true");
      properties.put("server.ssl.key-store", certificate.keyStore().toUri().toString());
      properties.put("server.ssl.key-store-type", "PKCS12");
      properties.put("server.ssl.key-store-password", certificate.password());
      properties.put("server.ssl.key-alias", WebCertificate.ALIAS);
      // HTTP/2 over TLS: every open page holds a live event stream, and over HTTP/1.1 a browser
      // opens at most six connections to one host, so a seventh tab would wait forever.
      properties.put("server.http2.enabled", "true");
      if (port != null || !portConfigured()) {
        properties.put("server.port", port != null ? port : 8443);
      }
    } else if (port != null) {
      properties.put("server.port", port);
    }
    if (!http && !protocolsConfigured()) {
      properties.put("server.ssl.enabled-protocols", TLS_PROTOCOLS);
    }
    DemoAccess environment = null;
    if (demo) {
      environment = DemoAccess.start(examples, data);
      properties.putAll(environment.properties());
      properties.put("pdm.repository.poll-interval", "10s");
      properties.put("pdm.inventory-interval", "10s");
    }
    ConfigurableApplicationContext context = PdmGitopsApplication.start(properties);
    PrivateDataDir.tighten(data); // the store's files and the clone exist now
    String address = context.getEnvironment().getProperty("server.address", "");
    if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) {
      LOG.warn(
          "listening on all interfaces: everyone who can reach the port can try logins. Use"
              + " --bind 127.0.0.1 (or server.address) behind a reverse proxy, or a firewall, to"
              + " keep the controller on a management network.");
    }
    boolean tls =
        context.getEnvironment().getProperty("server.ssl.enabled", "false").equals("true");
    String api =
        (tls ? "https" : "http")
            + "://localhost:"
            + context.getEnvironment().getProperty("local.server.port", "8080");
    var out = spec.commandLine().getOut();
    if (environment != null) {
      out.println("Simulated fleet: " + environment.fleet().remoteNames());
      out.println("Desired state:   git clone " + environment.repository());
      out.println("                 (edit, commit, git push: the controller fetches every 10 s)");
      DemoAccess fleet = environment;
      context.addApplicationListener(
          (org.springframework.context.event.ContextClosedEvent e) -> fleet.close());
    }
    out.println("Web UI:          " + api + "/");
    if (certificate != null) {
      out.println("                 (self-signed; SHA-256 " + certificate.fingerprint() + ")");
    }
    out.println("API:             " + api + "/api/v1/status");
    out.println("Metrics:         " + api + "/metrics");
    if (environment != null) {
      environment.printLogins(out);
    }
    out.flush();
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        (org.springframework.context.event.ContextClosedEvent e) -> closed.countDown());
    closed.await();
    return 0;
  }
}
