package io.parley.ingest.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON over HTTP to the channels' APIs, with their answers sorted into success, worth retrying (429, 5xx, no
 * connection) and permanent failures (other 4xx, carrying the provider's own explanation).
 */
@ApplicationScoped
public class ChannelHttp {
    static final int TIMEOUT_MILLIS = 10_000;

    private final WebClient client;

    public ChannelHttp(Vertx vertx) {
        this.client = WebClient.create(vertx);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** @param bearer the access token, or null when the token is part of the URL (Telegram) */
    public Uni<JsonObject> postJson(String url, String bearer, JsonObject body) {
        var request = client.postAbs(url).timeout(TIMEOUT_MILLIS).putHeader("Accept", "application/json");
        if (bearer != null) {
            request.bearerTokenAuthentication(bearer);
        }
        return request.sendJsonObject(body)
                .onFailure()
                .transform(failure -> new DeliveryException(
                        "The channel's API could not be reached.", String.valueOf(failure.getMessage()), true))
                .map(ChannelHttp::check);
    }

    private static JsonObject check(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        int status = response.statusCode();
        JsonObject body = json(response);
        if (status >= 200 && status < 300) {
            return body;
        }
        throw DeliveryException.forStatus(status, explanation(body));
    }

    private static JsonObject json(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        try {
            return response.body() == null ? new JsonObject() : response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject().put("raw", response.bodyAsString());
        }
    }

    /** Graph API: error.message; X: detail or title; Telegram: description. */
    private static String explanation(JsonObject body) {
        if (body == null) {
            return "(no body)";
        }
        JsonObject error = body.getValue("error") instanceof JsonObject e ? e : null;
        if (error != null && error.getString("message") != null) {
            return error.getString("message");
        }
        for (String field : new String[] {"description", "detail", "title", "raw"}) {
            Object value = body.getValue(field);
            if (value != null) {
                return value.toString();
            }
        }
        return body.encode();
    }
}
