package id.spm.ingest.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NIK → pseudonymous person key (schema.md): lowercase hex HMAC-SHA256 of the normalised 16-digit
 * NIK. The same NIK gives the same key in every file, and nobody without the key can reverse it or
 * test a guessed NIK. A baby without a NIK is keyed by {@code "bayi|" + NIK Ibu + "|" + birth date
 * + "|" + normalised name}. The NIK itself is never kept.
 */
public final class PersonKeys {

    /** Minimum key length: HMAC-SHA256 is meant for keys of at least its output size. */
    public static final int MIN_KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    private PersonKeys(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the person-key secret must have at least " + MIN_KEY_BYTES
                    + " bytes; it has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public static PersonKeys of(byte[] key) {
        return new PersonKeys(key);
    }

    /** A key given as hex (64+ hex digits), e.g. from an environment variable. */
    public static PersonKeys ofHex(String hex) {
        return new PersonKeys(HEX.parseHex(hex.strip()));
    }

    /**
     * Reads the key file, or creates it with 32 random bytes (hex, owner-only permissions where the
     * file system has them) when absent: the embedded default of the data folder.
     */
    public static PersonKeys loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return ofHex(Files.readString(file, StandardCharsets.US_ASCII));
        }
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Another process created it first: use theirs, so both agree.
            return ofHex(Files.readString(file, StandardCharsets.US_ASCII));
        }
        Files.writeString(file, HEX.formatHex(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new PersonKeys(key);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The key of a person with a 16-digit NIK (already normalised by the parser). */
    public String ofNik(String nik16) {
        if (nik16.length() != 16) {
            throw new IllegalArgumentException("a NIK has 16 digits");
        }
        return hmac(nik16);
    }

    /** The key of a baby without a NIK. */
    public String ofBaby(String motherNik16, LocalDate birthDate, String name) {
        return hmac("bayi|" + motherNik16 + "|" + birthDate + "|" + normaliseName(name));
    }

    /** Lower case, accents removed, only letters and single spaces: " Bayi Ny. Siti " → "bayi ny siti". */
    public static String normaliseName(String name) {
        String n = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else if (Character.isWhitespace(c) || c == '.' || c == ',' || c == '-' || c == '\'') {
                space = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private String hmac(String s) {
        return HEX.formatHex(macs.get().doFinal(s.getBytes(StandardCharsets.UTF_8)));
    }
}
