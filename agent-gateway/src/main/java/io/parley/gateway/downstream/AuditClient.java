package io.parley.gateway.downstream;

import io.parley.audit.AuditFilter;
import io.parley.audit.AuditTrail;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** A service's audit log ({@code GET /audit}, admins), asked with the admin's own token. */
@Path("/audit")
public interface AuditClient {
    @GET
    Uni<List<AuditTrail.Entry>> find(@BeanParam AuditFilter filter);

    @AccessToken
    @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "routing")
    interface Routing extends AuditClient {}

    @AccessToken
    @org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "ingest")
    interface Ingest extends AuditClient {}
}
