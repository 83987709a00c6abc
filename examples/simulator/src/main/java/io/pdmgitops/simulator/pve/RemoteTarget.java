package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The target of a {@code remote_migrate}, as the source cluster reaches it: the {@code
 * target-endpoint} property string ({@code
 * host=..,port=..,apitoken=PVEAPIToken=..,fingerprint=..}), an HTTPS call pinned to the
 * fingerprint, and the token for authentication. Written for the simulator alone; it shares nothing
 * with the product's client.
 */
record RemoteTarget(String host, int port, String apitoken, String fingerprint, HttpClient client) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Never shows the token. */
  @Override
  public String toString() {
    return "RemoteTarget[" + host + ":" + port + "]";
  }

  /** An error for logs and messages: the text of server errors, else only the kind of failure. */
  static String describe(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof IllegalStateException && !message.contains("APIToken")) {
      return message;
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String rootMessage = root.getMessage() == null ? "" : root.getMessage();
    return rootMessage.contains("fingerprint mismatch") && !rootMessage.contains("APIToken")
        ? rootMessage
        : e.getClass().getSimpleName();
  }

  static RemoteTarget parse(String property) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : property.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw ApiException.badParameter(
            "target-endpoint", "invalid format - missing '=' in '" + part + "'");
      }
      values.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    String host = values.get("host");
    String token = values.get("apitoken");
    if (host == null || token == null || !token.startsWith("PVEAPIToken=")) {
      throw ApiException.badParameter(
          "target-endpoint", "invalid format - needs host and apitoken=PVEAPIToken=...");
    }
    if (values.get("fingerprint") == null) {
      // Real PVE would probe /nodes/localhost/certificates/info; the simulator insists on a pin.
      throw ApiException.badParameter(
          "target-endpoint", "the simulator needs fingerprint= for the target's certificate");
    }
    int port;
    try {
      port = Integer.parseInt(values.getOrDefault("port", "8006"));
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("target-endpoint", "invalid format - port is not a number");
    }
    String pin = values.get("fingerprint").toUpperCase(Locale.ROOT);
    HttpClient client;
    try {
      client =
          HttpClient.newBuilder()
              .sslContext(pinned(pin))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    } catch (java.security.GeneralSecurityException e) {
      throw ApiException.of(500, "cannot set up TLS to the target");
    }
    return new RemoteTarget(host, port, token, pin, client);
  }

  JsonNode get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  JsonNode post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private URI uri(String path) {
    return URI.create("https://" + host + ":" + port + "/api2/json" + path);
  }

  private JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        client.send(
            request.header("Authorization", apitoken).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      String message = body.path("message").asString("HTTP " + response.statusCode()).strip();
      throw new IllegalStateException(message);
    }
    return body.path("data");
  }

  private static SSLContext pinned(String fingerprint)
      throws java.security.GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new Pin(fingerprint)}, null);
    return context;
  }

  /** Accepts exactly the certificate with the given SHA-256 fingerprint. */
  private record Pin(String expected) implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        String presented = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        if (!presented.equals(expected)) {
          throw new CertificateException("fingerprint mismatch, target presented " + presented);
        }
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new CertificateException(e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
