package io.parley.ingest.audit;

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

/** ingest's audit log for admins (inbox and secret changes, replays), newest first; agent-gateway merges it with routing's. */
@Path("/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @GET
    public Uni<List<AuditTrail.Entry>> find(@BeanParam AuditFilter filter) {
        return AuditTrail.find(filter);
    }
}
