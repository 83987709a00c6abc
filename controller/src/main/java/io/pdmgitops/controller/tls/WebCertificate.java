package io.pdmgitops.controller.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's TLS identity: a PKCS#12 key store under {@code DATA_DIR/tls}, created with a
 * self-signed ECDSA P-256 certificate on first start (names: localhost, 127.0.0.1 and this host)
 * and reused afterwards, so browsers that were told to trust it keep trusting it. The store's
 * password is random and kept beside it, readable by the owner only. Replace both files, or set
 * Spring Boot's {@code server.ssl.*}, to use a certificate of your own CA.
 *
 * <p>A certificate this class made is renewed at the first start within {@link #RENEW_BEFORE} of
 * its end (browsers then show the new fingerprint, which the start prints); a certificate of your
 * own is never replaced, only warned about.
 */
public final class WebCertificate {
  public static final String KEY_STORE = "web.p12";
  public static final String PASSWORD_FILE = "web.p12.password";
  public static final String ALIAS = "pdm-gitops";
  static final Duration VALIDITY = Duration.ofDays(825); // what browsers accept for a leaf

  /** Renewed this long before it ends, so a controller restarted now and then never expires. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private static final String OUR_SUBJECT_PREFIX = "CN=pdm-gitops ";
  private static final Logger LOG = LoggerFactory.getLogger(WebCertificate.class);

  private final Path keyStore;
  private final String password;
  private final X509Certificate certificate;

  private WebCertificate(Path keyStore, String password, X509Certificate certificate) {
    this.keyStore = keyStore;
    this.password = password;
    this.certificate = certificate;
  }

  /**
   * Loads the certificate of {@code dir}, creating it first if there is none, or renewing it if
   * this class made it and it ends within {@link #RENEW_BEFORE}.
   */
  public static WebCertificate ensure(Path dir) throws IOException, GeneralSecurityException {
    return ensure(dir, Instant.now());
  }

  static WebCertificate ensure(Path dir, Instant now) throws IOException, GeneralSecurityException {
    Optional<WebCertificate> existing = load(dir);
    if (existing.isEmpty()) {
      return create(dir, now);
    }
    WebCertificate current = existing.get();
    Instant end = current.certificate.getNotAfter().toInstant();
    if (end.minus(RENEW_BEFORE).isAfter(now)) {
      return current;
    }
    if (!current.isOurs()) {
      LOG.warn(
          "the web certificate in {} ends {}: replace it (it is not one this controller made, so"
              + " it is not renewed)",
          current.keyStore,
          end);
      return current;
    }
    WebCertificate renewed = create(dir, now);
    LOG.warn(
        "renewed the self-signed web certificate, which ends {}; browsers will show the new"
            + " SHA-256 fingerprint {}",
        end,
        renewed.fingerprint());
    return renewed;
  }

  /** Made by this class: self-issued under our subject. */
  private boolean isOurs() {
    String subject = certificate.getSubjectX500Principal().getName();
    return subject.startsWith(OUR_SUBJECT_PREFIX)
        && certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
  }

  private static Optional<WebCertificate> load(Path dir)
      throws IOException, GeneralSecurityException {
    Path store = dir.resolve(KEY_STORE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    if (Files.exists(store) && Files.exists(passwordFile)) {
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password.toCharArray());
      }
      if (!(keys.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
        throw new GeneralSecurityException(
            store
                + " has no certificate under the alias '"
                + ALIAS
                + "': store your own under that alias, or set server.ssl.* instead");
      }
      return Optional.of(new WebCertificate(store, password, certificate));
    }
    return Optional.empty();
  }

  private static WebCertificate create(Path dir, Instant now)
      throws IOException, GeneralSecurityException {
    Path store = dir.resolve(KEY_STORE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    Files.createDirectories(dir);
    restrict(dir, "rwx------");
    String password = randomPassword();
    KeyPair key = newKey();
    X509Certificate certificate = selfSigned(key, names(), now);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        ALIAS, key.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
    writePrivate(passwordFile, password.getBytes(StandardCharsets.UTF_8));
    Path temp = dir.resolve(KEY_STORE + ".tmp");
    Files.deleteIfExists(temp);
    createPrivate(temp);
    try (OutputStream out = Files.newOutputStream(temp)) {
      keys.store(out, password.toCharArray());
    }
    Files.move(temp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new WebCertificate(store, password, certificate);
  }

  public Path keyStore() {
    return keyStore;
  }

  /** For Spring Boot's server.ssl.key-store-password; never logged. */
  public String password() {
    return password;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** SHA-256 of the certificate, as browsers show it, for admins to compare. */
  public String fingerprint() {
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "WebCertificate[" + keyStore + ", " + fingerprint() + "]";
  }

  private static KeyPair newKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static Set<String> names() {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      // no resolvable host name: localhost and the loopback address are enough to start
    }
    return names;
  }

  private static X509Certificate selfSigned(KeyPair key, Set<String> names, Instant now)
      throws GeneralSecurityException {
    X500Name subject = new X500Name(OUR_SUBJECT_PREFIX + names.iterator().next());
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      boolean ip = name.matches("[0-9.]+") || name.contains(":");
      alternatives.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
    }
    try {
      var builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(127, new SecureRandom()),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(VALIDITY)),
                  subject,
                  key.getPublic())
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(alternatives.toArray(GeneralName[]::new)))
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new GeneralSecurityException("cannot create the web certificate", e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writePrivate(Path file, byte[] content) throws IOException {
    Files.deleteIfExists(file);
    createPrivate(file);
    Files.write(file, content);
  }

  /** Created owner-only from the start: never readable by others, not even for a moment. */
  private static void createPrivate(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not POSIX: the data directory's own permissions protect it
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions protect it
    }
  }
}
