package io.parley.ingest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.ingest.channel.email.EmailAdapter;
import io.parley.ingest.channel.meta.MetaAdapter;
import io.parley.ingest.channel.telegram.TelegramAdapter;
import io.parley.ingest.channel.x.XAdapter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Throws thousands of mutated payloads at each channel, correctly signed so they get past the signature and into the
 * parsers: byte flips, truncations, splices, and structure-aware changes (fields dropped, values swapped for other
 * types, arrays emptied or doubled). Whatever comes in, the answer must never be a 5xx.
 */
@QuarkusTest
class WebhookFuzzTest extends WebhookTestSupport {
    static final int MUTATIONS_PER_CHANNEL = 2000;
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The provider accounts the seed fixtures are for. */
    static final Map<String, String> FIXTURE_ACCOUNTS = Map.of(
            "x", "4337869213",
            "whatsapp", "106540352242922",
            "messenger", "PAGE_ID_1",
            "instagram", "IG_ACCOUNT_ID");

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"api", "whatsapp", "messenger", "instagram", "x", "telegram", "email"})
    void noMutatedPayloadIsAServerError(String channel) throws Exception {
        String inbox = createInbox(channel, FIXTURE_ACCOUNTS.get(channel));
        List<byte[]> seeds = seeds(channel);
        long seed = channel.hashCode();
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < MUTATIONS_PER_CHANNEL; i++) {
            byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), random, channel.equals("email"));
            int status = send(channel, inbox, body);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                throw new AssertionError("HTTP " + status + " for mutation " + i + " (seed " + seed + ") of " + channel
                        + ":\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        System.out.printf("fuzz %s: %d payloads, statuses %s%n", channel, MUTATIONS_PER_CHANNEL, statuses);
        assertEquals(
                MUTATIONS_PER_CHANNEL,
                statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    private int send(String channel, String inbox, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "webhooks/" + channel + "/" + inbox))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", channel.equals("email") ? "message/rfc822" : "application/json");
        headers(channel, body).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Map<String, String> headers(String channel, byte[] body) {
        return switch (channel) {
            case "api" -> Map.of(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body));
            case "whatsapp", "messenger", "instagram" ->
                Map.of(MetaAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body));
            case "x" ->
                Map.of(
                        XAdapter.SIGNATURE_HEADER,
                        "sha256=" + Base64.getEncoder().encodeToString(WebhookSignature.hmacSha256(SECRET, body)));
            case "telegram" -> Map.of(TelegramAdapter.SECRET_HEADER, SECRET);
            default -> Map.of(EmailAdapter.RELAY_SECRET_HEADER, SECRET);
        };
    }

    private static List<byte[]> seeds(String channel) {
        return switch (channel) {
            case "api" ->
                List.of(
                        bytes(
                                "{\"messageId\":\"m-1\",\"sender\":{\"id\":\"c-1\",\"name\":\"Ana\"},\"text\":\"hi\",\"sentAt\":\"2026-11-23T10:00:00Z\",\"attachments\":[{\"kind\":\"image\",\"url\":\"https://x/y.png\"}]}"));
            case "whatsapp" ->
                List.of(
                        fixture("whatsapp/text-and-status-batch.json"),
                        fixture("whatsapp/media-location-interactive.json"),
                        fixture("whatsapp/failed-status.json"));
            case "messenger" -> List.of(fixture("messenger/text-echo-attachments.json"));
            case "instagram" -> List.of(fixture("instagram/text-and-deleted.json"));
            case "x" -> List.of(fixture("x/direct-messages.json"), fixture("x/mention-and-reply.json"));
            case "telegram" ->
                List.of(
                        fixture("telegram/text-message.json"),
                        fixture("telegram/edited-message.json"),
                        fixture("telegram/photo-document-voice.json"),
                        fixture("telegram/start-command.json"));
            default ->
                List.of(
                        fixture("email/plain.eml"),
                        fixture("email/attachments-inline.eml"),
                        fixture("email/latin1-reply.eml"),
                        fixture("email/bounce.eml"));
        };
    }

    static byte[] mutate(byte[] seed, Random random, boolean text) {
        int strategy = random.nextInt(text ? 4 : 6);
        return switch (strategy) {
            case 0 -> flipBytes(seed, random);
            case 1 -> java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 2 -> splice(seed, random);
            case 3 -> insertJunk(seed, random);
            default -> mutateTree(seed, random);
        };
    }

    private static byte[] flipBytes(byte[] seed, Random random) {
        byte[] copy = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] splice(byte[] seed, Random random) {
        int a = random.nextInt(seed.length);
        int b = random.nextInt(seed.length);
        byte[] out = new byte[seed.length + Math.abs(b - a)];
        System.arraycopy(seed, 0, out, 0, seed.length);
        System.arraycopy(seed, Math.min(a, b), out, seed.length, Math.abs(b - a));
        return out;
    }

    private static byte[] insertJunk(byte[] seed, Random random) {
        String[] junk = {
            "null",
            "[]",
            "{}",
            "\"",
            "\\u0000",
            "-1e999",
            "99999999999999999999",
            "\uD83D",
            "\r\n\r\n",
            "--",
            "=?utf-8?B?",
            "<"
        };
        String s = new String(seed, java.nio.charset.StandardCharsets.UTF_8);
        int at = random.nextInt(s.length() + 1);
        return bytes(s.substring(0, at) + junk[random.nextInt(junk.length)] + s.substring(at));
    }

    /** Keeps the JSON valid but breaks its expected shape. */
    private static byte[] mutateTree(byte[] seed, Random random) {
        try {
            JsonNode root = MAPPER.readTree(seed);
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                JsonNode target = containers.get(random.nextInt(containers.size()));
                if (target instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String name = names.get(random.nextInt(names.size()));
                    if (random.nextBoolean()) {
                        object.remove(name);
                    } else {
                        object.set(name, randomValue(random));
                    }
                } else if (target instanceof ArrayNode array) {
                    if (random.nextBoolean() || array.isEmpty()) {
                        array.add(randomValue(random));
                    } else {
                        array.addAll(array.deepCopy());
                    }
                }
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            return seed;
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collect(child, containers));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Function<Random, JsonNode>> makers = List.of(
                r -> f.nullNode(),
                r -> f.numberNode(r.nextLong()),
                r -> f.numberNode(r.nextDouble() * 1e300),
                r -> f.textNode("x".repeat(r.nextInt(300))),
                r -> f.textNode("😀\u0000\uFFFF"),
                r -> f.booleanNode(r.nextBoolean()),
                r -> f.arrayNode(),
                r -> f.objectNode(),
                r -> f.objectNode().put("id", r.nextInt()).set("text", f.arrayNode()));
        return makers.get(random.nextInt(makers.size())).apply(random);
    }
}
