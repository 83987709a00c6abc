package io.pdmgitops.controller;

import io.pdmgitops.simulator.http.TlsIdentity;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for test clients that trust the simulator's shipped certificates and no other. */
public final class TestTls {
  private TestTls() {}

  /** The certificate a simulator identity ("sim-1" to "sim-6") presents. */
  public static X509Certificate certificate(String name) {
    TlsIdentity identity = new TlsIdentity(name);
    return identity.getCertificateChain(identity.certificateName())[0];
  }

  public static SSLContext trusting(X509Certificate... certificates) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trust.setCertificateEntry("trusted-" + i, certificates[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /** Trusts all six simulator certificates, e.g. for a plain client measuring a floor. */
  public static SSLContext trustingTheSimulator() throws Exception {
    X509Certificate[] all = new X509Certificate[6];
    for (int i = 0; i < all.length; i++) {
      all[i] = certificate("sim-" + (i + 1));
    }
    return trusting(all);
  }
}
