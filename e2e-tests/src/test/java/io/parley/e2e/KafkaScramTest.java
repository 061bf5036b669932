package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contracts.Topics;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.KafkaAcls;
import io.parley.stack.KafkaNode;
import io.parley.stack.KafkaNode.ScramUser;
import io.parley.stack.KeycloakNode;
import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import io.parley.stack.Ports;
import io.parley.stack.PostgresNode;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ingest-service and routing-service against a broker that takes SCRAM-SHA-512 logins only and authorizes each
 * service as {@link KafkaAcls} says: a signed webhook still becomes an assigned conversation, while a client without
 * credentials, with a wrong password, or a service that was not granted it cannot put a forged reply onto
 * parley.outbound-messages.
 */
class KafkaScramTest {
    static final String SECRET = "scram-" + UUID.randomUUID();
    static final String INBOX = "scram-web";
    static final String TEAM = "scram-team";

    static final List<ManagedProcess> started = new ArrayList<>();
    static KafkaNode kafka;
    static KeycloakNode keycloak;
    static ServiceNode ingest;
    static ServiceNode routing;
    static ScramUser ingestUser;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("parley.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path runtime = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "scram-");
        try {
            PostgresNode postgres = PostgresNode.start(
                    runtime.resolve("postgres"),
                    Ports.free(),
                    List.of("ingest", "routing"),
                    PostgresNode.Binaries.EMBEDDED,
                    false,
                    () -> {});
            started.add(postgres.process());
            ingestUser = new ScramUser(KafkaAcls.INGEST, password());
            ScramUser routingUser = new ScramUser(KafkaAcls.ROUTING, password());
            kafka = KafkaNode.startWithScram(
                    runtime.resolve("kafka"), Ports.free(), Ports.free(), List.of(ingestUser, routingUser));
            started.add(kafka.process());
            kafka.authorize(KafkaAcls.TOPICS, KafkaAcls.forServices());
            keycloak = KeycloakNode.startEphemeral();
            started.add(keycloak.process());

            Map<String, String> common = Map.of(
                    "parley.db.port", Integer.toString(postgres.port()),
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.oidc.auth-server-url", keycloak.realmUrl());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> ingestConfig = new HashMap<>(common);
            ingestConfig.putAll(ingestUser.clientConfig("kafka."));
            ingestConfig.putAll(ParleyStack.secretsKey(key));
            ingest = ServiceNode.start(
                    "ingest-service",
                    root.resolve("ingest-service"),
                    Ports.free(),
                    ingestConfig,
                    runtime.resolve("logs"),
                    false,
                    () -> {});
            started.add(ingest.process());
            Map<String, String> routingConfig = new HashMap<>(common);
            routingConfig.putAll(routingUser.clientConfig("kafka."));
            // Kafka's authorization is under test here; the roster is set through routing alone.
            routingConfig.put("parley.roster.source", "routing");
            routing = ServiceNode.start(
                    "routing-service",
                    root.resolve("routing-service"),
                    Ports.free(),
                    routingConfig,
                    runtime.resolve("logs"),
                    false,
                    () -> {});
            started.add(routing.process());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        List<ManagedProcess> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::stop);
        started.clear();
    }

    @Test
    void aSignedWebhookIsRoutedThroughTheAuthenticatedBroker() {
        String admin = Tokens.password(keycloak.realmUrl(), "dave", "dave");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Scram\",\"team\":\"" + TEAM + "\",\"secret\":\"" + SECRET
                        + "\"}")
                .put(ingest.url() + "/inboxes/" + INBOX)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .put(routing.url() + "/teams/" + TEAM + "/members/alice")
                .then()
                .statusCode(204);

        byte[] body = ("{\"messageId\":\"m-" + UUID.randomUUID()
                        + "\",\"sender\":{\"id\":\"cust-1\",\"name\":\"Ana\"},\"text\":\"Where is my order?\"}")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(SECRET, body))
                .body(body)
                .post(ingest.url() + "/webhooks/api/" + INBOX)
                .then()
                .statusCode(202);

        String supervisor = Tokens.password(keycloak.realmUrl(), "carol", "carol");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        "alice",
                        given().auth()
                                .oauth2(supervisor)
                                .queryParam("inbox", INBOX)
                                .get(routing.url() + "/conversations")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("[0].assignee")));
    }

    /** ingest-service reads replies; only agent-gateway and routing-service may write one. */
    @Test
    void aServiceCannotWriteWhatItWasNotGranted() {
        ExecutionException refused = assertThrows(
                ExecutionException.class, () -> send(ingestUser.clientConfig("")), "ingest writing a reply");
        assertEquals(TopicAuthorizationException.class, refused.getCause().getClass());
    }

    @Test
    void aClientWithoutValidCredentialsCannotWrite() {
        assertThrows(Exception.class, () -> send(Map.of()), "no credentials");
        assertThrows(
                Exception.class,
                () -> send(new ScramUser(KafkaAcls.INGEST, "not-its-password").clientConfig("")),
                "a wrong password");
    }

    private static void send(Map<String, String> auth) throws ExecutionException, InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        config.putAll(auth);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.OUTBOUND_MESSAGES, "forged", "{\"text\":\"pay me\"}"))
                    .get();
        }
    }

    private static String password() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
