package io.parley.audit;

import io.parley.persistence.PlanCacheBypass;
import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Who changed what, when: one row of a service's {@code audit_entry} table per state change, with the actor from the
 * caller's verified token. Written through the session of the change itself, so an entry commits or rolls back with
 * what it describes. Details name what changed, never a secret's value.
 */
public final class AuditTrail {
    public static final int MAX_LIMIT = 500;

    /** One recorded change. @param objectType conversation, inbox, rule, team, sla-policy, business-hours, … */
    public record Entry(
            UUID id, Instant at, String actor, String action, String objectType, String objectId, String detail) {}

    /**
     * Where an entry stands in the log's order (newest first, then by id): the entries after it are older, or as old
     * with a greater id.
     */
    public record Position(Instant at, UUID id) {
        /** Before every entry of the instant {@code at}, or after all of them. */
        public static final UUID FIRST_ID = new UUID(0, 0);

        public static final UUID LAST_ID = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

        public static Position of(Entry entry) {
            return new Position(entry.at(), entry.id());
        }

        public String encode() {
            return at + "_" + id;
        }

        public static Position parse(String value) {
            int split = value.lastIndexOf('_');
            return new Position(Instant.parse(value.substring(0, split)), UUID.fromString(value.substring(split + 1)));
        }
    }

    /** Filters of the audit API; every one optional, newest first; {@code after} continues a listing. */
    public record Query(
            String actor, String objectType, String objectId, Instant from, Instant to, int limit, Position after) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.unprocessable("limit must be between 1 and " + MAX_LIMIT);
            }
            if (from != null && to != null && !from.isBefore(to)) {
                throw ProblemException.unprocessable("from must be before to");
            }
        }
    }

    private AuditTrail() {}

    public static Uni<Void> record(
            Mutiny.Session session,
            String actor,
            String action,
            String objectType,
            String objectId,
            String detail,
            Instant at) {
        return session.createNativeQuery(
                        "insert into audit_entry (id, at, actor, action, object_type, object_id, detail)"
                                + " values (:id, :at, :actor, :action, :objectType, :objectId, :detail)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("at", at)
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("objectType", objectType)
                .setParameter("objectId", objectId)
                .setParameter("detail", detail)
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Records in the caller's transaction when there is one (Panache's session of the change), else in a transaction of
     * its own right after the change.
     */
    public static Uni<Void> record(
            String actor, String action, String objectType, String objectId, String detail, Instant at) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> record(session, actor, action, objectType, objectId, detail, at)));
    }

    /** The entries matching a service's {@code GET /audit} parameters, newest first. */
    public static Uni<List<Entry>> find(AuditFilter filter) {
        Query query = filter.toQuery();
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> find(session, query)));
    }

    public static Uni<List<Entry>> find(Mutiny.Session session, Query query) {
        StringBuilder sql =
                new StringBuilder("select id, at, actor, action, object_type, object_id, detail from audit_entry where "
                        + PlanCacheBypass.CONDITION);
        Map<String, Object> parameters = new java.util.HashMap<>();
        condition(sql, parameters, "actor", "actor = :actor", query.actor());
        condition(sql, parameters, "objectType", "object_type = :objectType", query.objectType());
        condition(sql, parameters, "objectId", "object_id = :objectId", query.objectId());
        condition(sql, parameters, "from", "at >= :from", query.from());
        condition(sql, parameters, "to", "at < :to", query.to());
        if (query.after() != null) {
            sql.append(" and (at < :afterAt or (at = :afterAt and id > :afterId))");
            parameters.put("afterAt", query.after().at());
            parameters.put("afterId", query.after().id());
        }
        sql.append(" order by at desc, id limit ").append(query.limit());
        Mutiny.SelectionQuery<Object[]> select =
                PlanCacheBypass.bind(session.createNativeQuery(sql.toString(), Object[].class));
        parameters.forEach(select::setParameter);
        return select.getResultList().map(rows -> {
            List<Entry> entries = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                entries.add(new Entry(
                        (UUID) row[0],
                        instant(row[1]),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (String) row[6]));
            }
            return entries;
        });
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> parameters, String name, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
