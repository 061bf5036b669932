package io.parley.gateway.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What a platform team scrapes and probes: on the management port, never on the public one. */
@QuarkusTest
class ManagementPortTest {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void prometheusMetricsAreOnTheManagementPortOnly() {
        given().get(metrics)
                .then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("jvm_gc_pause_seconds"));
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void readinessIsOnTheManagementPort() {
        given().get(ready).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
