package id.spm.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The embedded default's RSA key pair for JWT, as PEM files in the data folder: generated once,
 * reused after. Production configures a public key location or JWKS instead.
 */
record LocalKeyPair(Path publicKey, Path privateKey) {

    static synchronized LocalKeyPair ensure(Path dir) {
        LocalKeyPair keys = new LocalKeyPair(dir.resolve("jwt-public.pem"), dir.resolve("jwt-private.pem"));
        if (Files.exists(keys.publicKey) && Files.exists(keys.privateKey)) {
            return keys;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            write(keys.privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            write(keys.publicKey, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JWT key pair in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static void write(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        if (secret) {
            // Made owner-only before the key goes in: no moment where the private key is readable by others.
            LocalSecrets.write(file, pem);
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
