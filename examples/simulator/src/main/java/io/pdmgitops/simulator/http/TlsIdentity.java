package io.pdmgitops.simulator.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.KeyManagerFactoryWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The certificate a simulated remote presents: one of the self-signed certificates shipped under
 * {@code pdm-simulator/certs/}, swappable at runtime to simulate a rotation. New handshakes see the
 * new certificate at once; no listener is restarted.
 */
public final class TlsIdentity extends X509ExtendedKeyManager {
  private final java.util.Map<String, Loaded> loaded =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Loaded current;

  private record Loaded(String name, X509Certificate certificate, PrivateKey key) {}

  public TlsIdentity(String certificateName) {
    rotate(certificateName);
  }

  /** Presents another shipped certificate from the next handshake on. */
  public void rotate(String certificateName) {
    this.current = loaded.computeIfAbsent(certificateName, TlsIdentity::load);
  }

  public String certificateName() {
    return current.name();
  }

  /** SHA-256 fingerprint as PVE shows it: upper-case hex pairs separated by colons. */
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(current.certificate().getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public SslContext sslContext() {
    try {
      return SslContextBuilder.forServer(new KeyManagerFactoryWrapper(this))
          .sslProvider(SslProvider.JDK)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the TLS context", e);
    }
  }

  private static Loaded load(String name) {
    String base = "pdm-simulator/certs/" + name;
    try {
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new java.io.ByteArrayInputStream(resource(base + ".pem")));
      String pem = new String(resource(base + ".key"), StandardCharsets.US_ASCII);
      String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return new Loaded(name, cert, key);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("unknown or broken simulator certificate: " + name, e);
    }
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = TlsIdentity.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return in.readAllBytes();
    }
  }

  /** The alias is the certificate's name, so chain and key always come from one snapshot. */
  private String aliasFor(String keyType) {
    Loaded now = current;
    return keyType != null && keyType.toUpperCase(Locale.ROOT).startsWith(now.key().getAlgorithm())
        ? now.name()
        : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = aliasFor(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Loaded identity = loaded.get(alias);
    return identity == null ? null : new X509Certificate[] {identity.certificate()};
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Loaded identity = loaded.get(alias);
    return identity == null ? null : identity.key();
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
