package io.parley.routing.audit;

import io.parley.audit.AuditFilter;
import io.parley.audit.AuditTrail;
import io.parley.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** routing's audit log for admins, newest first (agent-gateway merges it with ingest's at /api/admin/audit). */
@Path("/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @GET
    public Uni<List<AuditTrail.Entry>> find(@BeanParam AuditFilter filter) {
        return AuditTrail.find(filter);
    }
}
