package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trino's TLS material on a local stack: a self-signed certificate for 127.0.0.1 and localhost, made with the JDK's
 * {@code keytool} on the first start and kept in {@code <data dir>/trino/tls/}: {@code keystore.p12} (the key, owner
 * only, password beside it) and {@code trino.pem} (the certificate clients trust). Production uses a certificate of
 * a real authority instead (docs/operations/local-stack.md).
 */
public final class TrinoTls {
    static final String ALIAS = "trino";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofMinutes(2);

    private TrinoTls() {}

    static Path directory(Path trinoDirectory) {
        return trinoDirectory.resolve("tls");
    }

    /** The PEM certificate clients trust. */
    static Path certificate(Path trinoDirectory) {
        return directory(trinoDirectory).resolve("trino.pem");
    }

    static Path keystore(Path trinoDirectory) {
        return directory(trinoDirectory).resolve("keystore.p12");
    }

    static String keystorePassword(Path trinoDirectory) throws IOException {
        return Files.readString(directory(trinoDirectory).resolve("keystore.password"))
                .strip();
    }

    /** Makes the key and certificate unless they exist (a new certificate would break every client's trust). */
    static void createIfAbsent(Path trinoDirectory) throws IOException {
        Path directory = directory(trinoDirectory);
        if (Files.exists(certificate(trinoDirectory)) && Files.exists(keystore(trinoDirectory))) {
            return;
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path passwordFile = directory.resolve("keystore.password");
        String password = randomSecret();
        Files.deleteIfExists(keystore(trinoDirectory));
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Subprocess.run(
                List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        ALIAS,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "3650",
                        "-dname",
                        "CN=127.0.0.1, OU=MonsterMart CDP local stack, O=MonsterMart",
                        "-ext",
                        "SAN=IP:127.0.0.1,DNS:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore(trinoDirectory).toString(),
                        "-storepass:file",
                        passwordFile.toString()),
                KEYTOOL_TIMEOUT,
                "Creating Trino's self-signed certificate with keytool");
        Files.setPosixFilePermissions(keystore(trinoDirectory), PosixFilePermissions.fromString("rw-------"));
        Path temporary = directory.resolve("trino.pem.tmp");
        Subprocess.run(
                List.of(
                        keytool.toString(),
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        ALIAS,
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore(trinoDirectory).toString(),
                        "-storepass:file",
                        passwordFile.toString(),
                        "-file",
                        temporary.toString()),
                KEYTOOL_TIMEOUT,
                "Exporting Trino's certificate with keytool");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temporary, certificate(trinoDirectory), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        // Clients outside the owner's account (a database tool) may read the certificate, not the key.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** A TLS context that trusts exactly the certificate in this PEM file. */
    public static SSLContext sslContext(Path certificatePem) {
        try (InputStream input = Files.newInputStream(certificatePem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(input);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read Trino's certificate %s (it is made at Trino's first start)".formatted(certificatePem),
                    e);
        } catch (GeneralSecurityException e) {
            throw new StackException(
                    "Trino's certificate %s is not usable: %s".formatted(certificatePem, e.getMessage()), e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
