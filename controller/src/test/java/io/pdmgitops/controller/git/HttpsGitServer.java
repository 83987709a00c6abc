package io.pdmgitops.controller.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pdmgitops.controller.TestTls;
import io.pdmgitops.simulator.http.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git server over HTTPS that speaks the smart protocol for fetches and pushes and wants HTTP
 * basic authentication with one token as the password, as GitHub, GitLab and Gitea do. Serves
 * {@code /repo.git} from a repository of the test.
 */
final class HttpsGitServer implements AutoCloseable {
  private final HttpsServer server;
  private final TlsIdentity identity = new TlsIdentity("sim-4");
  private final AtomicInteger refused = new AtomicInteger();

  HttpsGitServer(Repository repository, String token) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {identity}, null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString(("git:" + token).getBytes(StandardCharsets.UTF_8));
    server.createContext(
        "/repo.git/info/refs",
        exchange -> {
          if (authorized(exchange, expected)) {
            advertise(exchange, repository);
          }
        });
    server.createContext(
        "/repo.git/git-receive-pack",
        exchange -> {
          if (authorized(exchange, expected)) {
            receivePack(exchange, repository);
          }
        });
    server.createContext(
        "/repo.git/git-upload-pack",
        exchange -> {
          if (authorized(exchange, expected)) {
            uploadPack(exchange, repository);
          }
        });
    server.start();
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
  }

  /** Requests refused for missing or wrong credentials. */
  int refused() {
    return refused.get();
  }

  /** An SSL context that trusts this server's certificate and nothing else. */
  SSLContext clientTrust() throws Exception {
    return TestTls.trusting(TestTls.certificate(identity.certificateName()));
  }

  private boolean authorized(HttpExchange exchange, String expected) throws IOException {
    if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return true;
    }
    refused.incrementAndGet();
    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
    exchange.sendResponseHeaders(401, -1);
    exchange.close();
    return false;
  }

  private static void advertise(HttpExchange exchange, Repository repository) throws IOException {
    if ("service=git-receive-pack".equals(exchange.getRequestURI().getQuery())) {
      exchange
          .getResponseHeaders()
          .set("Content-Type", "application/x-git-receive-pack-advertisement");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        PacketLineOut lines = new PacketLineOut(out);
        lines.writeString("# service=git-receive-pack\n");
        lines.end();
        ReceivePack pack = new ReceivePack(repository);
        pack.setBiDirectionalPipe(false);
        pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
      }
      return;
    }
    if (!"service=git-upload-pack".equals(exchange.getRequestURI().getQuery())) {
      exchange.sendResponseHeaders(403, -1);
      exchange.close();
      return;
    }
    exchange
        .getResponseHeaders()
        .set("Content-Type", "application/x-git-upload-pack-advertisement");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      PacketLineOut lines = new PacketLineOut(out);
      lines.writeString("# service=git-upload-pack\n");
      lines.end();
      UploadPack pack = new UploadPack(repository);
      pack.setBiDirectionalPipe(false);
      pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
    }
  }

  /** A push, as a Git host takes it. */
  private static void receivePack(HttpExchange exchange, Repository repository) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    InputStream in = new ByteArrayInputStream(request);
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/x-git-receive-pack-result");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      ReceivePack pack = new ReceivePack(repository);
      pack.setBiDirectionalPipe(false);
      pack.receive(in, out, null);
    }
  }

  private static void uploadPack(HttpExchange exchange, Repository repository) throws IOException {
    // Read whole: the JDK server's request stream blocks in skip(), which UploadPack calls.
    byte[] request = exchange.getRequestBody().readAllBytes();
    InputStream in = new ByteArrayInputStream(request);
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      UploadPack pack = new UploadPack(repository);
      pack.setBiDirectionalPipe(false);
      pack.upload(in, out, null);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
