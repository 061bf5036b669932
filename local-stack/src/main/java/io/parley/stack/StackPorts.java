package io.parley.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/** The ports of one stack. ./parley reads them from PARLEY_*_PORT variables; tests pick free ones. */
public record StackPorts(
        int postgres,
        int kafka,
        int kafkaController,
        int keycloak,
        int keycloakManagement,
        int gateway,
        int ingest,
        int routing,
        int metrics) {

    public static StackPorts defaults(Function<String, String> env) {
        return new StackPorts(
                port(env, "PARLEY_PG_PORT", 15432),
                port(env, "PARLEY_KAFKA_PORT", 19092),
                port(env, "PARLEY_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "PARLEY_KEYCLOAK_PORT", 8180),
                port(env, "PARLEY_KEYCLOAK_MANAGEMENT_PORT", 9000),
                port(env, "PARLEY_GATEWAY_PORT", 8080),
                port(env, "PARLEY_INGEST_PORT", 8081),
                port(env, "PARLEY_ROUTING_PORT", 8082),
                port(env, "PARLEY_METRICS_PORT", 8083));
    }

    public static StackPorts free() {
        return new StackPorts(
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free());
    }

    public Properties toProperties() {
        Properties properties = new Properties();
        asMap().forEach((key, value) -> properties.setProperty(key, Integer.toString(value)));
        return properties;
    }

    public static StackPorts fromProperties(Properties p) {
        Function<String, String> get = p::getProperty;
        return new StackPorts(
                Integer.parseInt(get.apply("postgres")),
                Integer.parseInt(get.apply("kafka")),
                Integer.parseInt(get.apply("kafkaController")),
                Integer.parseInt(get.apply("keycloak")),
                Integer.parseInt(get.apply("keycloakManagement")),
                Integer.parseInt(get.apply("gateway")),
                Integer.parseInt(get.apply("ingest")),
                Integer.parseInt(get.apply("routing")),
                Integer.parseInt(get.apply("metrics")));
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("postgres", postgres);
        map.put("kafka", kafka);
        map.put("kafkaController", kafkaController);
        map.put("keycloak", keycloak);
        map.put("keycloakManagement", keycloakManagement);
        map.put("gateway", gateway);
        map.put("ingest", ingest);
        map.put("routing", routing);
        map.put("metrics", metrics);
        return map;
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value + " is not a port number");
        }
    }
}
