package io.parley.metrics.projection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids of reporting events derived from another event's id: the same source always gives the same id, so a replay adds
 * nothing twice. The same as PostgreSQL's {@code md5(source::text || ':' || suffix)::uuid}, which the projection's
 * statements and migrations use.
 */
final class DerivedIds {
    private DerivedIds() {}

    static UUID of(UUID source, String suffix) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5").digest((source + ":" + suffix).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
