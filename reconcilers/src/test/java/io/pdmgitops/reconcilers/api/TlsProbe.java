package io.pdmgitops.reconcilers.api;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Reads the certificate a test server presents, so clients can pin it like a real node's. */
public final class TlsProbe {
  private TlsProbe() {}

  public static String fingerprint(String host, int port) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) trustEverything().getSocketFactory().createSocket(host, port)) {
      socket.startHandshake();
      byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
  }

  /** A TLS context that accepts any certificate: for probing and for measurement floors only. */
  public static SSLContext trustEverything() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    return context;
  }

  /** Only for probing: the fingerprint is what the test then trusts. */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
