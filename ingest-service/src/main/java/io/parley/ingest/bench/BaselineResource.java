package io.parley.ingest.bench;

import io.parley.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The yardstick for bench/ingest: the same HTTP stack and body handling as a webhook, and nothing else. Off unless
 * parley.bench.baseline-enabled=true, as the benchmark starts the service.
 */
@Path("/bench/baseline")
@PermitAll
public class BaselineResource {
    private final boolean enabled;

    public BaselineResource(
            @ConfigProperty(name = "parley.bench.baseline-enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response accept(byte[] body) {
        if (!enabled) {
            throw ProblemException.notFound("No such resource.");
        }
        return Response.ok().build();
    }
}
