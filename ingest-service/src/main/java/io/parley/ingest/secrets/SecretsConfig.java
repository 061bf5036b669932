package io.parley.ingest.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Keys that encrypt inbox secrets and access tokens at rest. Several keys may be configured at once so that rows written
 * under an older key can still be read while {@link SecretRotation} re-encrypts them under the active one.
 */
@ConfigMapping(prefix = "parley.secrets")
public interface SecretsConfig {
    /** The id of the key new values are encrypted with; it must be one of {@link #keys()}. */
    String activeKey();

    /** Key id → base64 of a 16, 24 or 32-byte AES key (from a Kubernetes Secret or the environment, never the repo). */
    Map<String, String> keys();
}
