package io.parley.ingest.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for the secrets ingest keeps: each value is stored as {@code enc:<key id>:<base64(iv | ciphertext | tag)>},
 * so every row says which key it needs and rotation can find the rows still under an old one. A value without the
 * prefix is plain text written before encryption existed; it is read as it is and re-encrypted by
 * {@link SecretRotation}.
 */
@ApplicationScoped
public class SecretCipher {
    static final String PREFIX = "enc:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKey;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretsConfig config) {
        config.keys().forEach((id, material) -> keys.put(id, key(id, material)));
        if (!keys.containsKey(config.activeKey())) {
            throw new IllegalStateException("parley.secrets.active-key names " + config.activeKey()
                    + ", which is not among parley.secrets.keys (" + String.join(", ", keys.keySet()) + ")");
        }
        if (config.activeKey().contains(":")) {
            throw new IllegalStateException("a key id cannot contain ':'");
        }
        this.activeKey = config.activeKey();
    }

    private static SecretKeySpec key(String id, String material) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(material.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.secrets.keys." + id + " is not base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("parley.secrets.keys." + id + " must be 16, 24 or 32 bytes (AES)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String plaintext) {
        return plaintext == null ? null : encrypt(plaintext, activeKey);
    }

    String encrypt(String plaintext, String keyId) {
        SecretKeySpec key = keys.get(keyId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("a stored secret needs key " + keyId + ", which is not configured");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret under key " + keyId + " could not be decrypted");
        }
    }

    /** Whether a stored value is encrypted under the active key (nothing for rotation to do). */
    public boolean current(String stored) {
        return stored == null || stored.startsWith(PREFIX + activeKey + ":");
    }
}
