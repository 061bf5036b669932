package io.parley.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.parley.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The third-party APIs replies go to: WireMock plays Meta's Graph API, X and Telegram (unreachable from tests); the
 * SMTP port is reserved here and served by a real GreenMail server that the e-mail test starts.
 */
public class ChannelApisTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String WIREMOCK_PORT = "parley.test.wiremock-port";

    private WireMockServer wiremock;

    @Override
    public Map<String, String> start() {
        wiremock = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").port(Ports.free()));
        wiremock.start();
        String url = "http://127.0.0.1:" + wiremock.port();
        return Map.of(
                WIREMOCK_PORT,
                Integer.toString(wiremock.port()),
                "parley.outbound.meta-base-url",
                url,
                "parley.outbound.x-base-url",
                url,
                "parley.outbound.telegram-base-url",
                url,
                "parley.outbound.initial-backoff",
                "50ms",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(Ports.free()));
    }

    @Override
    public void stop() {
        if (wiremock != null) {
            wiremock.stop();
        }
    }
}
