package io.parley.gateway.admin;

import io.parley.audit.AuditTrail;
import io.parley.problem.ProblemException;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Where a page of the merged audit log ended: its last entry's time, service and id. The merged log is ordered newest
 * first, then by service, then by id; each service is asked for what follows the cursor in that order, which for a
 * service's own entries at the cursor's instant depends on whether the service sorts before or after the cursor's.
 */
record AuditCursor(Instant at, String service, UUID id) {
    /**
     * The merged log's order. Ids compare as PostgreSQL orders uuids (unsigned, byte by byte: as their text), not as
     * {@link UUID#compareTo} does (signed), so that each service's own order holds within the merged one.
     */
    static final Comparator<AuditAdminResource.AuditEntry> ORDER = Comparator.comparing(
                    AuditAdminResource.AuditEntry::at, Comparator.reverseOrder())
            .thenComparing(AuditAdminResource.AuditEntry::service)
            .thenComparing(entry -> entry.id().toString());

    static AuditCursor after(AuditAdminResource.AuditEntry entry) {
        return new AuditCursor(entry.at(), entry.service(), entry.id());
    }

    /** What {@code of} has after this cursor, in its own log's terms. */
    AuditTrail.Position positionIn(String of) {
        int side = of.compareTo(service);
        UUID after = side == 0 ? id : side > 0 ? AuditTrail.Position.FIRST_ID : AuditTrail.Position.LAST_ID;
        return new AuditTrail.Position(at, after);
    }

    String encode() {
        return at + "_" + service + "_" + id;
    }

    static AuditCursor parse(String value) {
        try {
            String[] parts = value.split("_", 3);
            return new AuditCursor(Instant.parse(parts[0]), parts[1], UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.unprocessable("cursor is not one this API gave");
        }
    }
}
