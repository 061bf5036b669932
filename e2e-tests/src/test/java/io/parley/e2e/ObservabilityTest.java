package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import io.parley.stack.Ports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the running stack, with every service configured as the Helm chart configures it in
 * production: one trace per customer message across all four services (exported over OTLP to a stand-in collector,
 * WireMock), JSON log lines carrying the trace id and no customer's data, and the Prometheus metrics the chart's
 * Grafana dashboard draws.
 */
class ObservabilityTest {
    private static final String SECRET = "obs-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES =
            List.of("ingest-service", "routing-service", "metrics-service", "agent-gateway");

    static ParleyStack stack;
    static WireMockServer collector;

    @BeforeAll
    static void startStack() throws Exception {
        collector = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").port(Ports.free()));
        collector.start();
        collector.stubFor(WireMock.post("/v1/traces")
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/x-protobuf")));
        Map<String, Map<String, String>> config = new HashMap<>();
        for (String service : SERVICES) {
            Map<String, String> tracing = new HashMap<>(Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + collector.port(),
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "200ms"));
            config.put(service, tracing);
        }
        config.get("ingest-service").putAll(WalkingSkeletonTest.ingestConfig(Ports.free()));
        config.get("metrics-service").put("parley.live.refresh-interval", "1s");
        stack = E2eStack.start("observability", config, SECRET);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
        if (collector != null) {
            collector.stop();
        }
    }

    @Test
    void oneCustomerMessageIsOneTraceFromTheWebhookToRoutingMetricsAndTheLiveStream() {
        String traceId = HexFormat.of().formatHex(random(16));
        String parentSpan = HexFormat.of().formatHex(random(8));
        String run = UUID.randomUUID().toString().substring(0, 8);
        sendWebhook("00-" + traceId + "-" + parentSpan + "-01", "m-" + run, "Where is my parcel " + run);

        // Span name prefixes expected of each service in this one trace.
        Map<String, List<String>> expected = Map.of(
                "ingest-service", List.of("POST /webhooks", "parley.inbound-messages publish"),
                "routing-service", List.of("route message.inbound"),
                "metrics-service", List.of("project conversation."),
                "agent-gateway", List.of("live parley.conversation-events"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Set<String>> spansByService = spansOf(traceId);
            expected.forEach((service, prefixes) -> prefixes.forEach(prefix -> assertTrue(
                    spansByService.getOrDefault(service, Set.of()).stream().anyMatch(name -> name.startsWith(prefix)),
                    () -> service + " has no span " + prefix + "… in the trace: " + spansByService)));
        });
    }

    @Test
    void logsAreJsonLinesWithTheTraceIdAndNoCustomersData() throws Exception {
        String traceId = HexFormat.of().formatHex(random(16));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String secretWords = "my card number is 4111 " + run;
        // A forged delivery is logged (a warning per rejected signature), in the request's trace.
        String forged = "{\"messageId\":\"f-" + run + "\",\"sender\":{\"id\":\"x-" + run + "\",\"name\":\"Zoë " + run
                + "\"},\"text\":\"" + secretWords + "\"}";
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign("wrong-secret-wrong-secret", bytes(forged)))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01")
                .body(bytes(forged))
                .post(ingest() + "/webhooks/api/" + ParleyStack.DEMO_INBOX)
                .then()
                .statusCode(401);
        sendWebhook(null, "m-" + run, secretWords);

        Path ingestLog = log("ingest-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode warning = null;
            for (String line : Files.readAllLines(ingestLog)) {
                if (line.contains(traceId)) {
                    warning = JSON.readTree(line);
                }
            }
            assertTrue(warning != null, "no log line in trace " + traceId);
            assertEquals(traceId, warning.path("mdc").path("traceId").asText());
            assertEquals("WARN", warning.path("level").asText());
        });
        // Routed (its conversation exists), and nobody logged what the customer wrote or who they are.
        await().atMost(Duration.ofSeconds(60)).until(() -> spansOf(null).containsKey("routing-service"));
        for (String service : SERVICES) {
            for (String line : Files.readAllLines(log(service))) {
                if (line.startsWith("{")) {
                    JSON.readTree(line); // every JSON-looking line parses
                }
                assertFalse(line.contains(secretWords), service + " logged a customer's words: " + line);
                assertFalse(line.contains("Zoë " + run), service + " logged a customer's name: " + line);
            }
        }
    }

    @Test
    void everyMetricTheDashboardDrawsIsExported() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sendWebhook(null, "d-" + run, "Dashboard check " + run);
        JsonNode dashboard = JSON.readTree(
                E2eRoot.path("k8s/helm/parley/dashboards/parley.json").toFile());
        Set<String> drawn = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:parley|kafka|jvm|vertx)_[a-z_]+)");
        dashboard
                .get("panels")
                .forEach(panel -> panel.get("targets").forEach(target -> {
                    Matcher m = metric.matcher(target.get("expr").asText());
                    while (m.find()) {
                        drawn.add(m.group(1));
                    }
                }));
        // Counted only once such a thing happened: an SLA breach, a survey answer, a timed response.
        Set<String> eventDriven = Set.of(
                "parley_sla_breaches_total", "parley_csat_responses_total", "parley_response_time_seconds_bucket");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            StringBuilder exported = new StringBuilder();
            for (int port : List.of(
                    stack.ports().ingest(),
                    stack.ports().routing(),
                    stack.ports().metrics(),
                    stack.ports().gateway())) {
                exported.append(given().get(stack.url(ParleyStack.managementPort(port)) + "/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
            }
            List<String> missing = new ArrayList<>();
            for (String name : drawn) {
                if (!eventDriven.contains(name)
                        && !Pattern.compile("(?m)^" + name + "[{ ]")
                                .matcher(exported)
                                .find()) {
                    missing.add(name);
                }
            }
            assertEquals(List.of(), missing, "drawn by the dashboard but exported by no service");
        });
    }

    /** Span names by service, of one trace (null: of every trace), from everything the collector was sent. */
    private static Map<String, Set<String>> spansOf(String traceId) throws Exception {
        Map<String, Set<String>> byService = new HashMap<>();
        for (LoggedRequest request : collector.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/traces")))) {
            ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(request.getBody());
            for (ResourceSpans resource : export.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(v -> v.getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        String id = HexFormat.of().formatHex(span.getTraceId().toByteArray());
                        if (traceId == null || traceId.equals(id)) {
                            byService
                                    .computeIfAbsent(service, s -> new TreeSet<>())
                                    .add(span.getName());
                        }
                    }
                }
            }
        }
        return byService;
    }

    private static Path log(String service) {
        return stack.started().stream()
                .filter(p -> p.name().equals(service))
                .map(ManagedProcess::log)
                .findFirst()
                .orElseThrow();
    }

    private static void sendWebhook(String traceparent, String messageId, String text) {
        String body = String.format(
                "{\"messageId\":\"%s\",\"sender\":{\"id\":\"c-%s\",\"name\":\"Customer\"},\"text\":\"%s\"}",
                messageId, messageId, text);
        var request = given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(SECRET, bytes(body)));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        request.body(bytes(body))
                .post(ingest() + "/webhooks/api/" + ParleyStack.DEMO_INBOX)
                .then()
                .statusCode(202);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static String ingest() {
        return stack.url(stack.ports().ingest());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The repository's root, where the chart lives. */
    private static final class E2eRoot {
        static Path path(String relative) {
            return Path.of(System.getProperty("parley.root", ".."))
                    .toAbsolutePath()
                    .normalize()
                    .resolve(relative);
        }
    }
}
