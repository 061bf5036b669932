package io.parley.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import io.parley.stack.ParleyStack;
import io.parley.stack.Ports;
import io.parley.stack.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent workspace on the whole stack: the web app in Debian's Chromium (driven by Playwright), agents logging in
 * through Keycloak's real login page, messages arriving as signed Telegram webhooks (the Bot API played by WireMock),
 * and the privacy guard and collision check of the gateway's API. Screenshots go to target/screenshots/.
 */
class WorkspaceTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String INBOX = "tg-group";
    static final String SECRET = "tg-" + UUID.randomUUID();
    static final AtomicInteger UPDATES = new AtomicInteger(1000);

    static ParleyStack stack;
    static WireMockServer telegramApi;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        telegramApi = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").port(Ports.free()));
        telegramApi.start();
        telegramApi.stubFor(WireMock.post(WireMock.urlPathEqualTo("/bot321:group-token/sendMessage"))
                .willReturn(
                        WireMock.okJson("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=5000 upper=900000}},"
                                        + "\"chat\":{\"id\":-100}}}")
                                .withTransformers("response-template")));
        stack = E2eStack.start(
                "workspace",
                Map.of(
                        "ingest-service",
                        WalkingSkeletonTest.ingestConfig(telegramApi.port()),
                        // Warn when 99% of a target is left, so that a one-minute target warns within a check or two.
                        "routing-service",
                        Map.of("parley.sla.warn-when-left", "0.99")),
                "demo-" + UUID.randomUUID());
        String dave = token("dave");
        // A Telegram group: what its members write is public, like a comment under a post.
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"telegram\",\"name\":\"Acme community\",\"team\":\"support\",\"secret\":\""
                        + SECRET + "\",\"accessToken\":\"321:group-token\"}")
                .put(gateway() + "/api/admin/inboxes/" + INBOX)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"team\":\"support\",\"shortcut\":\"thanks\",\"title\":\"Thanks for writing\","
                        + "\"text\":\"Hi {{contact.name}}, thanks for writing! {{agent.first_name}} here to help.\"}")
                .post(gateway() + "/api/admin/canned-replies")
                .then()
                .statusCode(200)
                .body("shortcut", equalTo("thanks"));
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("parley.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.stop();
        }
        if (telegramApi != null) {
            telegramApi.stop();
        }
    }

    /**
     * Alice works a public post from login to resolve; Bob opens the same conversation; Carol watches the dashboard.
     */
    @Test
    void agentsWorkAConversationInTheBrowser() throws Exception {
        try (BrowserContext aliceContext = browser.newContext(viewport());
                BrowserContext bobContext = browser.newContext(viewport());
                BrowserContext carolContext = browser.newContext(viewport())) {
            Page carol = logIn(carolContext, "carol", "Carol Supervisor");
            carol.locator("[data-view=dashboard]").click();
            Locator supportOpen = carol.locator("tr[data-team=support] [data-figure=open]");
            assertThat(carol.locator("[data-testid=live]")).isVisible();
            int openBefore = supportOpen.count() == 0
                    ? 0
                    : Integer.parseInt(supportOpen.innerText().trim());

            Page alice = logIn(aliceContext, "alice", "Alice Agent");
            alice.locator("[data-view=teams]").click();
            String customer = "Gina " + UUID.randomUUID().toString().substring(0, 4);
            groupMessage(customer, "My parcel never came, can someone help?");

            // It appears without a reload: the live stream told the app.
            Locator row = alice.locator("button.conversation", new Page.LocatorOptions().setHasText(customer));
            assertThat(row)
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(60_000));
            row.click();
            assertThat(alice.locator(".timeline .message.incoming")).containsText("My parcel never came");
            assertThat(alice.locator("[data-testid=visibility]")).containsText("Public reply");

            // The canned reply, filled in for this customer and this agent.
            alice.locator("[data-testid=canned]")
                    .selectOption(new SelectOption().setLabel("thanks — Thanks for writing"));
            assertThat(alice.locator("#draft"))
                    .hasValue("Hi " + customer + ", thanks for writing! Alice here to help.");

            // Bob opens it too: each sees the other.
            Page bob = logIn(bobContext, "bob", "Bob Agent");
            bob.locator("[data-view=teams]").click();
            bob.locator("button.conversation", new Page.LocatorOptions().setHasText(customer))
                    .click();
            assertThat(alice.locator("[data-testid=viewers]")).containsText("Bob Agent is viewing");
            assertThat(bob.locator("[data-testid=viewers]")).containsText("Alice Agent");

            // Personal data in a public reply: the warning comes before anything is sent.
            alice.locator("#draft").fill("Please call us on +44 20 7946 0958 about it.");
            alice.locator("form.composer button[type=submit]").click();
            assertThat(alice.locator("[data-testid=warning]")).containsText("a phone number");
            alice.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("privacy-warning.png")));
            alice.locator("[data-testid=warning] button", new Page.LocatorOptions().setHasText("Edit reply"))
                    .click();
            alice.locator("#draft").fill("Hi " + customer + ", we're on it — please send us a private message.");
            alice.locator("form.composer button[type=submit]").click();
            assertThat(alice.locator(".timeline .message.outgoing"))
                    .containsText(
                            "we're on it",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(60_000));

            // Bob answers too. Alice replied after he opened the conversation, so he is asked to confirm; so is
            // Alice when she answers again after his reply.
            bob.locator("#draft").fill("Bob here: the courier has it.");
            bob.locator("form.composer button[type=submit]").click();
            assertThat(bob.locator("[data-testid=warning]")).containsText("alice replied after you opened");
            bob.locator("[data-action=send-anyway]").click();
            assertThat(bob.locator(".timeline .message.outgoing", new Page.LocatorOptions().setHasText("Bob here")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(60_000));
            alice.locator("#draft").fill("It will reach you tomorrow.");
            alice.locator("form.composer button[type=submit]").click();
            assertThat(alice.locator("[data-testid=warning]")).containsText("bob replied after you opened");
            alice.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("collision-prompt.png")));
            alice.locator("[data-action=send-anyway]").click();
            assertThat(alice.locator(".timeline .message.outgoing", new Page.LocatorOptions().setHasText("tomorrow")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(60_000));

            // A private note naming alice: she is told, live.
            bob.locator("button[role=tab]", new Page.LocatorOptions().setHasText("Private note"))
                    .click();
            bob.locator("#draft").fill("@alice can you check the tracking number?");
            bob.locator("form.composer button[type=submit]").click();
            assertThat(alice.locator("[data-testid=alerts]")).containsText("bob mentioned you");
            assertThat(alice.locator(".timeline .message.note")).containsText("check the tracking number");

            // Tag it and resolve it.
            alice.locator("form.add-tag input[name=tag]").fill("technical-issue");
            alice.locator("form.add-tag button[type=submit]").click();
            assertThat(alice.locator(".conversation-header .tags")).containsText("technical-issue");
            // What the team knows about the customer: an attribute and a note, kept on the person.
            alice.locator("form.attribute-form input[name=key]").fill("company");
            alice.locator("form.attribute-form input[name=value]").fill("Acme Ltd");
            alice.locator("form.attribute-form button[type=submit]").click();
            assertThat(alice.locator("[data-attribute=company]")).containsText("Acme Ltd");
            alice.locator("#contact-note").fill("Prefers to be called back in the afternoon");
            alice.locator("form.contact-note-form button[type=submit]").click();
            assertThat(alice.locator(".contact-notes")).containsText("called back in the afternoon");
            alice.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("conversation.png")));
            alice.locator("[data-action=resolve]").click();
            assertThat(alice.locator(".conversation-header .status")).hasText("resolved");
            // The timeline tells what happened between the messages, and who did it.
            assertThat(alice.locator(".timeline .event[data-event='conversation.tagged']"))
                    .containsText("alice added the tag technical-issue");
            assertThat(alice.locator(".timeline .event[data-event='conversation.status_changed']"))
                    .containsText("alice resolved it");

            // The supervisor's dashboard moves with a new conversation, without a reload.
            groupMessage("Hugo " + UUID.randomUUID().toString().substring(0, 4), "Is the shop open on Sunday?");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> supportOpen.count() > 0
                            && Integer.parseInt(supportOpen.innerText().trim()) > openBefore);
            carol.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")));
            assertTrue(Files.size(SCREENSHOTS.resolve("dashboard.png")) > 0);

            // Reports by team, as a table and as a CSV file.
            Locator reportForm = carol.locator("form.report-form");
            reportForm.locator("select[name=groupBy]").selectOption("team");
            reportForm.locator("select[name=bucket]").selectOption("none");
            reportForm.locator("button[type=submit]").click();
            assertThat(carol.locator("[data-testid=report] tbody")).containsText("support");
            com.microsoft.playwright.Download csv = carol.waitForDownload(() -> reportForm
                    .locator("button", new Locator.LocatorOptions().setHasText("Download CSV"))
                    .click());
            String exported = Files.readString(csv.path());
            assertTrue(exported.startsWith("group,bucket,opened,resolved"), exported);
            assertTrue(exported.contains("support,"), exported);
        }
    }

    /**
     * Dave configures routing from the admin screens: a tag, an SLA policy, business hours, a new team with a member's
     * skills and capacity, and a rule built in the form that then tags a customer's message.
     */
    @Test
    void adminsConfigureRoutingInTheBrowser() throws Exception {
        String dave = token("dave");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tag = "vip-" + suffix;
        String team = "night-" + suffix;
        try (BrowserContext context = browser.newContext(viewport())) {
            Page page = logIn(context, "dave", "Dave Admin");
            page.locator("[data-view=admin]").click();
            Locator tabs = page.locator(".admin-tabs");

            tabs.getByText("Tags").click();
            page.locator("form.tag-form input[name=tag]").fill(tag);
            page.locator("form.tag-form input[name=description]").fill("Customers who asked for VIP care");
            page.locator("form.tag-form button[type=submit]").click();
            assertThat(page.locator("tr[data-tag=" + tag + "]")).containsText("asked for VIP care");

            tabs.getByText("SLA policies").click();
            page.getByText("New sla policy").click();
            page.locator("form.sla-form input[name=itemId]").fill("night-sla-" + suffix);
            page.locator("form.sla-form input[name=first]").fill("45");
            page.locator("form.sla-form input[name=resolution]").fill("1440");
            page.locator("form.sla-form button[type=submit]").click();
            assertThat(page.locator("tr[data-sla=night-sla-" + suffix + "]")).containsText("45 min");

            tabs.getByText("Business hours").click();
            page.getByText("New business hours").click();
            page.locator("form.hours-form input[name=itemId]").fill("night-hours-" + suffix);
            page.locator("form.hours-form input[name=timeZone]").fill("Europe/Madrid");
            page.locator("form.hours-form input[name=monday]").fill("22:00-23:59");
            page.locator("form.hours-form textarea[name=away]").fill("We are back at ten tonight.");
            page.locator("form.hours-form button[type=submit]").click();
            assertThat(page.locator("tr[data-hours=night-hours-" + suffix + "]"))
                    .containsText("mon 22:00-23:59");

            tabs.getByText("Teams").click();
            page.locator("admin-teams input[name=team]").fill(team);
            page.locator("admin-teams input[name=agent]").first().fill("sam");
            page.locator("admin-teams button", new Page.LocatorOptions().setHasText("Create"))
                    .click();
            Locator teamPanel = page.locator("[data-team=" + team + "]");
            assertThat(teamPanel.locator("tr[data-member=sam]")).isVisible();
            teamPanel.locator("form.member-form input[name=agent]").fill("bob");
            teamPanel.locator("form.member-form input[name=skills]").fill("spanish, billing");
            teamPanel.locator("form.member-form input[name=capacity]").fill("3");
            teamPanel.locator("form.member-form button[type=submit]").click();
            assertThat(teamPanel.locator("tr[data-member=bob]")).containsText("billing, spanish");
            teamPanel.locator("form.policy-form select[name=strategy]").selectOption("least_loaded");
            teamPanel.locator("form.policy-form button[type=submit]").click();
            assertThat(page.locator("admin-teams [role=status]")).containsText("Assignment policy of " + team);
            teamPanel.locator("form.team-settings select[name=sla]").selectOption("night-sla-" + suffix);
            teamPanel.locator("form.team-settings select[name=hours]").selectOption("night-hours-" + suffix);
            teamPanel.locator("form.team-settings button[type=submit]").click();
            assertThat(page.locator("admin-teams [role=status]")).containsText("Settings of " + team);

            tabs.getByText("Rules").click();
            page.locator("button.new-rule").click();
            Locator form = page.locator("form.rule-form");
            form.locator("input[name=name]").fill("VIP " + suffix);
            form.locator("input[name=position]").fill("1");
            form.locator("input[name=value]").fill("vip " + suffix);
            form.locator("select[name=action]").selectOption("add_tag");
            form.locator("input[name=actionValue]").fill(tag);
            form.locator("button[type=submit]").click();
            assertThat(page.locator("tr[data-rule='VIP " + suffix + "']"))
                    .containsText("text contains \"vip " + suffix + "\"");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-rules.png")));
        }

        // What the screens wrote is what routing now holds, through the typed admin API.
        given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/admin/teams/" + team)
                .then()
                .statusCode(200)
                .body("members", equalTo(List.of("bob", "sam")))
                .body("roster.find { it.agent == 'bob' }.capacity", equalTo(3))
                .body("roster.find { it.agent == 'bob' }.skills", equalTo(List.of("billing", "spanish")))
                .body("policy.strategy", equalTo("least_loaded"))
                .body("slaPolicyId", equalTo("night-sla-" + suffix))
                .body("businessHoursId", equalTo("night-hours-" + suffix));
        given().auth()
                .oauth2(dave)
                .get(gateway() + "/api/admin/business-hours/night-hours-" + suffix)
                .then()
                .statusCode(200)
                .body("weekly.monday", equalTo(List.of("22:00-23:59")))
                .body("awayMessage", equalTo("We are back at ten tonight."));
        // Keycloak's group is the roster: Sam's next token carries the new team.
        given().auth()
                .oauth2(token("sam"))
                .get(gateway() + "/api/me")
                .then()
                .statusCode(200)
                .body("teams", hasItem(team));

        // The rule built in the form acts on the next customer message.
        String customer = "Vera " + suffix;
        groupMessage(customer, "I am a vip " + suffix + " customer");
        String id = conversationOf(dave, customer);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(dave)
                        .get(gateway() + "/api/conversations/" + id)
                        .then()
                        .statusCode(200)
                        .body("tags", hasItem(tag)));
    }

    /** An SLA target close to due on the agent's conversation reaches them live, and opens the conversation. */
    @Test
    void anSlaTargetCloseToDueAlertsTheAgent() {
        String dave = token("dave");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String team = "fast-" + suffix;
        String inbox = "tg-fast-" + suffix;
        put(dave, "/api/admin/sla-policies/" + team, "{\"firstResponseMinutes\":1}");
        put(dave, "/api/admin/teams/" + team + "/members/alice", "{}");
        put(dave, "/api/admin/teams/" + team + "/settings", "{\"slaPolicyId\":\"" + team + "\"}");
        put(
                dave,
                "/api/admin/inboxes/" + inbox,
                "{\"channel\":\"telegram\",\"name\":\"Fast lane\",\"team\":\"" + team + "\",\"secret\":\"" + SECRET
                        + "\",\"accessToken\":\"321:group-token\"}");
        try (BrowserContext context = browser.newContext(viewport())) {
            Page alice = logIn(context, "alice", "Alice Agent");
            String customer = "Ines " + suffix;
            groupMessage(inbox, customer, "Is anyone there?");
            Locator alert = alice.locator("[data-testid=alerts] li.sla-warning");
            assertThat(alert)
                    .containsText(
                            "SLA: first response due at",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(60_000));
            alert.locator("button").first().click();
            assertThat(alice.locator(".timeline .message.incoming")).containsText("Is anyone there?");
        }
    }

    private static void put(String token, String path, String body) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .put(gateway() + path)
                .then()
                .statusCode(200);
    }

    /** The privacy guard through the API: 422 with the kinds found, unless confirmed; private messages pass. */
    @Test
    void aPublicReplyWithPersonalDataNeedsConfirming() {
        String customer = "Ivo " + UUID.randomUUID().toString().substring(0, 4);
        groupMessage(customer, "Where is my order?");
        String carol = token("carol");
        String id = conversationOf(carol, customer);
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"Mail us at help@acme.example about order #123456\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://parley.dev/problems/personal-data-in-public-reply"))
                .body("detail", containsString("an e-mail address, an order number"))
                .body("detail", containsString("private message"));
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"Mail us at help@acme.example about order #123456\",\"confirmPersonalData\":true}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202)
                .body("publicReply", equalTo(true));
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("text"));
    }

    /** An inbox whose replies are signed with the agent's initials, as brands sign customer care on X. */
    @Test
    void repliesAreSignedAsTheirInboxAsks() {
        String dave = token("dave");
        String inbox = "tg-signed";
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"channel\":\"telegram\",\"name\":\"Acme signed\",\"team\":\"support\",\"secret\":\"" + SECRET
                        + "\",\"accessToken\":\"321:group-token\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"replySignature\":\"initials\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox + "/settings")
                .then()
                .statusCode(200)
                .body("replySignature", equalTo("initials"))
                .body("survey", equalTo("none"));
        given().auth()
                .oauth2(dave)
                .contentType("application/json")
                .body("{\"replySignature\":\"scribble\"}")
                .put(gateway() + "/api/admin/inboxes/" + inbox + "/settings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        String customer = "Kim " + UUID.randomUUID().toString().substring(0, 4);
        groupMessage(inbox, customer, "Any news on my refund?");
        String carol = token("carol");
        String id = conversationOf(carol, customer);
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"It was sent today.\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202)
                .body("text", equalTo("It was sent today. ^CS"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/conversations/" + id)
                        .then()
                        .body(
                                "messages.findAll { it.direction == 'outgoing' }.text",
                                hasItem("It was sent today. ^CS")));
    }

    /** Collision through the API: another agent's reply after the last message seen needs confirming (409). */
    @Test
    void aReplyAfterSomeoneElsesNeedsConfirming() {
        String customer = "Jon " + UUID.randomUUID().toString().substring(0, 4);
        groupMessage(customer, "Do you ship to Norway?");
        String carol = token("carol");
        String alice = token("alice");
        String id = conversationOf(carol, customer);
        String seen = given().auth()
                .oauth2(alice)
                .get(gateway() + "/api/conversations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("messages[-1].id");
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body("{\"kind\":\"viewing\"}")
                .post(gateway() + "/api/conversations/" + id + "/activity")
                .then()
                .statusCode(204);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(carol)
                        .get(gateway() + "/api/conversations/" + id + "/viewers")
                        .then()
                        .statusCode(200)
                        .body("agent", hasItem("alice")));
        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body("{\"text\":\"Yes, in 3 days.\"}")
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(alice)
                        .get(gateway() + "/api/conversations/" + id)
                        .then()
                        .body("messages.findAll { it.direction == 'outgoing' }.agent", hasItem("carol")));
        String body = "{\"text\":\"We ship there in 3 days.\",\"lastSeenMessageId\":\"" + seen + "\"}";
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body(body)
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://parley.dev/problems/replied-meanwhile"))
                .body("detail", containsString("carol replied after you opened"));
        given().auth()
                .oauth2(alice)
                .contentType("application/json")
                .body(body.replace("}", ",\"confirmReplyAfterOthers\":true}"))
                .post(gateway() + "/api/conversations/" + id + "/replies")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(token("sam"))
                .get(gateway() + "/api/conversations/" + id + "/viewers")
                .then()
                .statusCode(403);
    }

    private static Browser.NewContextOptions viewport() {
        return new Browser.NewContextOptions().setViewportSize(1440, 900);
    }

    /** Opens the app, goes through Keycloak's login page and waits for the workspace to show the agent. */
    private static Page logIn(BrowserContext context, String user, String name) {
        Page page = context.newPage();
        page.navigate(gateway() + "/");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        assertThat(page.locator("[data-testid=who]")).containsText(name);
        assertThat(page.locator(".connection")).hasText("Live");
        return page;
    }

    private static String conversationOf(String token, String customer) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get(gateway() + "/api/conversations?team=support")
                        .then()
                        .statusCode(200)
                        .body("contact.displayName", hasItem(customer)));
        return given().auth()
                .oauth2(token)
                .get(gateway() + "/api/conversations?team=support")
                .then()
                .extract()
                .path("find { it.contact.displayName == '" + customer + "' }.id");
    }

    /** A member of the brand's Telegram group writes: a public message. */
    private static void groupMessage(String firstName, String text) {
        groupMessage(INBOX, firstName, text);
    }

    private static void groupMessage(String inbox, String firstName, String text) {
        int id = UPDATES.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + id
                + ",\"first_name\":\"" + firstName + "\"},\"chat\":{\"id\":-100" + id + ",\"type\":\"supergroup\"},"
                + "\"date\":" + Instant.now().getEpochSecond() + ",\"text\":\"" + text + "\"}}";
        given().contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .body(update.getBytes(StandardCharsets.UTF_8))
                .post(stack.url(stack.ports().ingest()) + "/webhooks/telegram/" + inbox)
                .then()
                .statusCode(200);
    }

    private static String token(String user) {
        return Tokens.password(stack.realmUrl(), user, user);
    }

    private static String gateway() {
        return stack.url(stack.ports().gateway());
    }
}
