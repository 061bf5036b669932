package io.parley.ingest.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps an inbox's secret columns: plain text in the entity, AES-GCM ciphertext in PostgreSQL. */
@Converter
@ApplicationScoped
public class EncryptedSecret implements AttributeConverter<String, String> {
    private final SecretCipher cipher;

    public EncryptedSecret(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
