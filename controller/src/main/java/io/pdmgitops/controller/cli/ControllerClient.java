package io.pdmgitops.controller.cli;

import io.pdmgitops.reconcilers.api.PinnedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line's HTTP client of a running controller: {@code Authorization: Bearer} with the
 * token, the controller's certificate checked (system trust, a CA file, or a pinned fingerprint),
 * bounded by a connect and a request timeout. Messages never contain the token.
 */
final class ControllerClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final String token;
  private final HttpClient http;

  /** An answer: its status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The problem detail's text, or the body's first line. */
    String problem() {
      try {
        JsonNode node = JSON.readTree(body);
        if (node.path("detail").isString()) {
          return node.path("detail").asString();
        }
      } catch (RuntimeException e) {
        // not JSON: a plain-text answer such as a 403 from the access filter
      }
      String line = body.lines().findFirst().orElse("").strip();
      return line.isEmpty() ? "HTTP " + status : line;
    }
  }

  private ControllerClient(URI base, String token, HttpClient http) {
    this.base = base;
    this.token = token;
    this.http = http;
  }

  /**
   * @throws IllegalArgumentException with a message for the operator when the options do not make a
   *     usable client
   */
  static ControllerClient of(ControllerOptions options) throws IOException {
    if (options.url == null || options.url.isBlank()) {
      throw new IllegalArgumentException(
          "which controller? give --controller URL or set PDM_GITOPS_CONTROLLER");
    }
    URI base;
    try {
      base = URI.create(options.url.strip().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--controller is not a URL: " + options.url);
    }
    String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
    if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "--controller must be an https URL such as https://pdm.example.com:8443");
    }
    if (scheme.equals("http") && !loopback(base.getHost())) {
      throw new IllegalArgumentException(
          "plain http would send the token in the clear: use https for "
              + base.getHost()
              + " (http only to this machine)");
    }
    String token = token(options);
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (scheme.equals("https")) {
      http.sslContext(trust(options));
    }
    return new ControllerClient(base, token, http.build());
  }

  private static String token(ControllerOptions options) throws IOException {
    String token = options.token;
    if (options.tokenFile != null) {
      token = Files.readString(options.tokenFile, StandardCharsets.UTF_8).strip();
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "no API token: set PDM_GITOPS_TOKEN or give --token-file (make one with 'pdm-gitops"
              + " new-token' or on the Tokens page)");
    }
    token = token.strip();
    if (!token.matches("[^\\s!=]+@[^\\s!=]+![^\\s!=]+=\\S+")) {
      throw new IllegalArgumentException(
          "the API token must look like USER@REALM!NAME=SECRET, as the Tokens page shows it");
    }
    return token;
  }

  private static boolean loopback(String host) {
    try {
      return host.equalsIgnoreCase("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static SSLContext trust(ControllerOptions options) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (options.fingerprint != null && !options.fingerprint.isBlank()) {
        context.init(null, new TrustManager[] {pinned(options.fingerprint)}, null);
      } else if (options.caCertificate != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(options.caCertificate)) {
          int i = 0;
          for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            store.setCertificateEntry("ca-" + i++, certificate);
          }
          if (i == 0) {
            throw new IllegalArgumentException(options.caCertificate + " holds no PEM certificate");
          }
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        context.init(null, factory.getTrustManagers(), null);
      } else {
        return SSLContext.getDefault();
      }
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Trusts exactly the certificate with this SHA-256, as remotes are pinned. */
  private static X509TrustManager pinned(String fingerprint) {
    String hex = fingerprint.replace(":", "").strip().toUpperCase(Locale.ROOT);
    if (!hex.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException(
          "--fingerprint must be a SHA-256 fingerprint: 64 hex digits, colons allowed");
    }
    return new PinnedTrustManager(hex.replaceAll("(..)(?!$)", "$1:"));
  }

  Answer get(String path, Duration timeout) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), timeout);
  }

  Answer post(String path, Optional<String> json, Duration timeout) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .POST(
                json.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    json.ifPresent(b -> request.header("Content-Type", "application/json"));
    return send(request, timeout);
  }

  private Answer send(HttpRequest.Builder request, Duration timeout) throws IOException {
    request
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 401) {
        throw new IOException(
            "the controller refused the token (401): check it, its expiry, and that its user is"
                + " declared in Git");
      }
      return new Answer(response.statusCode(), response.body());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IOException("the controller at " + base + " did not answer within " + timeout);
    } catch (java.net.ConnectException e) {
      throw new IOException("cannot connect to the controller at " + base);
    } catch (javax.net.ssl.SSLException e) {
      throw new IOException(
          "TLS with "
              + base
              + " failed: "
              + e.getMessage()
              + " (give --fingerprint or --cacert to trust its certificate)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
