package id.spm.api.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Opaque entity tags: a digest of what a representation is made from, never the inputs themselves. */
public final class EntityTags {

    private EntityTags() {
    }

    /** The tag value (without quotes) of a basis string: 128 bits of its SHA-256, base64url. */
    public static String of(String basis) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "v1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
