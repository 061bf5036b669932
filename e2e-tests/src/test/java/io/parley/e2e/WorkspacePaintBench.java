package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.ParleyStack;
import io.parley.stack.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * bench/workspace: how soon the inbox shows its conversations, in Debian's Chromium against the whole local stack.
 * Prints figures; asserts nothing about them (docs/benchmarks.md). Not a test: surefire runs it only when named.
 *
 * <p>System properties: {@code parley.bench.conversations} (200) conversations in the agent's team first,
 * {@code parley.bench.loads} (15) page loads measured after one unmeasured load.
 */
class WorkspacePaintBench {
    static final String SECRET = "bench-" + UUID.randomUUID();

    @Test
    void inboxFirstPaint() throws Exception {
        int conversations = Integer.getInteger("parley.bench.conversations", 200);
        int loads = Integer.getInteger("parley.bench.loads", 15);
        ParleyStack stack = E2eStack.start(
                "paint-bench",
                Map.of("ingest-service", WalkingSkeletonTest.ingestConfig(io.parley.stack.Ports.free())),
                SECRET);
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(
                                        Paths.get(System.getProperty("parley.chromium", "/usr/bin/chromium")))
                                .setHeadless(true)
                                .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            String gateway = stack.url(stack.ports().gateway());
            String alice = Tokens.password(stack.realmUrl(), "alice", "alice");
            for (int i = 0; i < conversations; i++) {
                customerWrites(stack, "Customer " + i);
            }
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> given().auth()
                                    .oauth2(alice)
                                    .get(gateway + "/api/conversations/counts")
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getLong("teams")
                            >= conversations);

            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
                Page page = context.newPage();
                page.navigate(gateway + "/");
                page.locator("#username").fill("alice");
                page.locator("#password").fill("alice");
                page.locator("#kc-login").click();
                page.locator("[data-testid=who]").waitFor();
                // Each reload opens the first view (Mine): the conversations the demo's routing gave alice.
                List<Double> painted = new ArrayList<>();
                List<Double> firstContentful = new ArrayList<>();
                for (int i = 0; i <= loads; i++) {
                    page.reload();
                    page.waitForFunction("() => performance.getEntriesByName('parley:inbox-painted').length > 0");
                    double inbox = ((Number) page.evaluate(
                                    "() => performance.getEntriesByName('parley:inbox-painted')[0].startTime"))
                            .doubleValue();
                    double fcp = ((Number)
                                    page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0]"
                                            + " || {startTime: -1}).startTime"))
                            .doubleValue();
                    int rows = page.locator("button.conversation").count();
                    if (i == 0) {
                        System.out.printf("first load (cold caches): inbox painted at %.0f ms, %d rows%n", inbox, rows);
                        continue;
                    }
                    painted.add(inbox);
                    firstContentful.add(fcp);
                }
                System.out.printf(
                        "workspace bench: %d conversations in alice's teams, %d in her view; %d reloads%n",
                        conversations, page.locator("button.conversation").count(), loads);
                System.out.printf("  inbox painted: %s%n", summary(painted));
                System.out.printf("  first contentful paint: %s%n", summary(firstContentful));
            }
        } finally {
            stack.stop();
        }
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                "p50 %.0f ms, p90 %.0f ms, max %.0f ms",
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static void customerWrites(ParleyStack stack, String name) {
        String body = String.format(
                "{\"messageId\":\"%s\",\"sender\":{\"id\":\"%s\",\"name\":\"%s\"},\"text\":\"Where is my order?\"}",
                UUID.randomUUID(), UUID.randomUUID(), name);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header("X-Parley-Signature", WebhookSignature.sign(SECRET, bytes))
                .body(bytes)
                .post(stack.url(stack.ports().ingest()) + "/webhooks/api/" + ParleyStack.DEMO_INBOX)
                .then()
                .statusCode(202);
    }
}
