package io.parley.gateway.downstream;

import io.parley.contracts.api.Rules;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's automation rules and their change log, typed by the contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/rules")
@Consumes(MediaType.APPLICATION_JSON)
public interface RulesClient {
    @GET
    Uni<List<Rules.Rule>> list();

    @POST
    Uni<Rules.Rule> create(Rules.Rule rule);

    @GET
    @Path("/audit")
    Uni<List<Rules.Change>> changes(@QueryParam("rule") UUID rule);

    @GET
    @Path("/{id}")
    Uni<Rules.Rule> get(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}")
    Uni<Rules.Rule> update(@PathParam("id") UUID id, Rules.Rule rule);

    @DELETE
    @Path("/{id}")
    Uni<Void> delete(@PathParam("id") UUID id);
}
