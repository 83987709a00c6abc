package io.pdmgitops.reconcilers.api;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate, by its SHA-256 fingerprint, as PDM does for pinned endpoints:
 * self-signed node certificates work, and any other certificate fails with the fingerprint it
 * presented. Also the command line's trust in a controller's own certificate.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
  private final String expected;

  /**
   * @param fingerprint SHA-256 as {@code AB:CD:...}, in either case
   */
  public PinnedTrustManager(String fingerprint) {
    this.expected = normalise(fingerprint);
  }

  /** Thrown inside the TLS handshake; carries what the server presented. */
  static final class PinMismatch extends CertificateException {
    final String presented;
    final String expected;

    PinMismatch(String presented, String expected) {
      super("certificate " + presented + " does not match the pinned " + expected);
      this.presented = presented;
      this.expected = expected;
    }
  }

  static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  static String normalise(String fingerprint) {
    return fingerprint.trim().toUpperCase(Locale.ROOT);
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    String presented = fingerprint(chain[0]);
    if (!MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.US_ASCII),
        expected.getBytes(StandardCharsets.US_ASCII))) {
      throw new PinMismatch(presented, expected);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
