package io.parley.routing.roster;

import io.quarkus.oidc.client.filter.OidcClientFilter;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of Keycloak's admin API that rosters need, called with routing's own token (client credentials of the
 * parley-routing client, whose service account may view and manage users).
 */
@OidcClientFilter("roster")
@RegisterRestClient(configKey = "keycloak-admin")
@Path("/admin/realms/{realm}")
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {
    record Group(String id, String name) {}

    record User(String id, String username) {}

    record NewGroup(String name) {}

    @GET
    @Path("/groups")
    Uni<List<Group>> groups(
            @PathParam("realm") String realm,
            @QueryParam("briefRepresentation") boolean brief,
            @QueryParam("max") int max);

    @GET
    @Path("/groups/{group}/members")
    Uni<List<User>> members(
            @PathParam("realm") String realm,
            @PathParam("group") String groupId,
            @QueryParam("briefRepresentation") boolean brief,
            @QueryParam("max") int max);

    @GET
    @Path("/users")
    Uni<List<User>> users(
            @PathParam("realm") String realm,
            @QueryParam("username") String username,
            @QueryParam("exact") boolean exact);

    @POST
    @Path("/groups")
    Uni<Response> createGroup(@PathParam("realm") String realm, NewGroup group);

    @PUT
    @Path("/users/{user}/groups/{group}")
    Uni<Void> join(
            @PathParam("realm") String realm, @PathParam("user") String userId, @PathParam("group") String groupId);

    @DELETE
    @Path("/users/{user}/groups/{group}")
    Uni<Void> leave(
            @PathParam("realm") String realm, @PathParam("user") String userId, @PathParam("group") String groupId);
}
