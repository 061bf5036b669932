package io.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.parley.k8s.Reachability.Pod;
import io.parley.stack.KafkaAcls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Helm chart, rendered by Helm with the default and a production-like set of values: valid for Kubernetes, and
 * wired to what the services really read, listen on and are allowed to reach.
 */
class ChartTest {
    private static final List<String> SERVICES = ServiceSources.NAMES;

    /** Platform settings the chart sets that are Quarkus's own, not listed in a service's application.properties. */
    private static final Set<String> QUARKUS_PLATFORM_KEYS = Set.of("QUARKUS_SHUTDOWN_TIMEOUT");

    private static String deploymentName(String service) {
        return Chart.RELEASE + "-" + service;
    }

    @Test
    void helmLintStrictFindsNothing() {
        LintResult lint = Chart.helm().lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void everyRenderedManifestIsAValidKubernetesObject() {
        for (Chart.Rendered rendered : List.of(Chart.defaults(), Chart.production())) {
            List<String> problems = rendered.documents().stream()
                    .flatMap(d -> KubernetesModel.problems(d).stream())
                    .toList();
            assertEquals(List.of(), problems);
        }
        Set<String> kinds = Chart.production().documents().stream()
                .map(d -> (String) d.get("kind"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                new TreeSet<>(Set.of(
                        "ConfigMap",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "Ingress",
                        "KafkaTopic",
                        "KafkaUser",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "Service",
                        "ServiceAccount",
                        "ServiceMonitor")),
                kinds);
    }

    @Test
    void theModelCheckCatchesAMisplacedField() {
        Map<String, Object> deployment =
                new HashMap<>(Chart.defaults().ofKind("Deployment").findFirst().orElseThrow());
        deployment.put("spec", Map.of("replica", 2, "selector", Map.of()));
        assertTrue(KubernetesModel.problems(deployment).stream().anyMatch(p -> p.contains("[replica]")));
    }

    @Test
    void probesAskTheHealthEndpointsOnTheManagementPortTheServiceListensOn() {
        Chart.Rendered rendered = Chart.production();
        for (String service : SERVICES) {
            ServiceSources sources = ServiceSources.of(service);
            Container container = container(rendered.named(Deployment.class, deploymentName(service)));
            assertEquals(sources.port("quarkus.http.port"), port(container, "http"), service);
            assertEquals(sources.port("quarkus.management.port"), port(container, "management"), service);
            assertProbe(container.getStartupProbe(), "/q/health/started");
            assertProbe(container.getLivenessProbe(), "/q/health/live");
            assertProbe(container.getReadinessProbe(), "/q/health/ready");

            Service kubernetesService = rendered.named(Service.class, deploymentName(service));
            assertEquals(
                    Set.of("http", "management"),
                    kubernetesService.getSpec().getPorts().stream()
                            .map(p -> p.getTargetPort().getStrVal())
                            .collect(Collectors.toSet()));
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }

    @Test
    void everyEnvironmentNameIsAConfigurationKeyOfItsService() {
        Set<String> kafkaSettings = new HashSet<>(ProducerConfig.configNames());
        kafkaSettings.addAll(ConsumerConfig.configNames());
        for (Chart.Rendered rendered : List.of(Chart.defaults(), Chart.production())) {
            for (String service : SERVICES) {
                ServiceSources sources = ServiceSources.of(service);
                Set<String> names = new TreeSet<>(rendered.named(ConfigMap.class, deploymentName(service))
                        .getData()
                        .keySet());
                container(rendered.named(Deployment.class, deploymentName(service))).getEnv().stream()
                        .map(EnvVar::getName)
                        .forEach(names::add);
                assertFalse(names.isEmpty());
                List<String> unknown = names.stream()
                        .filter(name -> !sources.configures(name))
                        .filter(name -> !(name.startsWith("KAFKA_")
                                && kafkaSettings.contains(
                                        name.substring(6).toLowerCase().replace('_', '.'))))
                        .filter(name -> !name.equals("JAVA_TOOL_OPTIONS"))
                        .filter(name -> !QUARKUS_PLATFORM_KEYS.contains(name))
                        .toList();
                assertEquals(List.of(), unknown, service + " is given settings it does not read");
            }
        }
    }

    @Test
    void secretsAreOnlyReferencesToSecretsTheOperatorCreates() {
        Chart.Rendered rendered = Chart.production();
        assertEquals(0, rendered.ofKind("Secret").count(), "the chart must not carry secrets");
        for (String service : SERVICES) {
            Deployment deployment = rendered.named(Deployment.class, deploymentName(service));
            for (EnvVar variable : container(deployment).getEnv()) {
                assertNull(variable.getValue(), variable.getName() + " must come from a Secret");
                assertNotNull(variable.getValueFrom().getSecretKeyRef(), variable.getName());
            }
            rendered.named(ConfigMap.class, deploymentName(service)).getData().forEach((key, value) -> {
                assertFalse(key.matches(".*(PASSWORD|SECRET|JAAS|KEYS).*"), key + " belongs in a Secret");
            });
        }
        Map<String, String> secretEnv = new HashMap<>();
        container(rendered.named(Deployment.class, deploymentName("routing-service")))
                .getEnv()
                .forEach(v -> secretEnv.put(
                        v.getName(), v.getValueFrom().getSecretKeyRef().getName()));
        assertEquals(
                Map.of(
                        "PARLEY_DB_PASSWORD", "parley-routing-db-app",
                        "KAFKA_SASL_JAAS_CONFIG", "routing-service",
                        "PARLEY_ROSTER_CLIENT_SECRET", "parley-routing-keycloak"),
                secretEnv);
        PodSpec ingest = rendered.named(Deployment.class, deploymentName("ingest-service"))
                .getSpec()
                .getTemplate()
                .getSpec();
        assertTrue(ingest.getVolumes().stream()
                .anyMatch(v ->
                        v.getSecret() != null && v.getSecret().getSecretName().equals("parley-ingest-encryption")));
        assertTrue(
                container(rendered.named(Deployment.class, deploymentName("ingest-service"))).getVolumeMounts().stream()
                        .anyMatch(m -> m.getMountPath().equals("/app/config") && m.getReadOnly()));
    }

    @Test
    void podsRunUnprivilegedOnAReadOnlyRootFileSystem() {
        Chart.Rendered rendered = Chart.production();
        for (String service : SERVICES) {
            Deployment deployment = rendered.named(Deployment.class, deploymentName(service));
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot());
            assertEquals(
                    "RuntimeDefault",
                    pod.getSecurityContext().getSeccompProfile().getType());
            Container container = container(deployment);
            assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
            assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals(
                    List.of("ALL"),
                    container.getSecurityContext().getCapabilities().getDrop());
            assertFalse(pod.getAutomountServiceAccountToken());
            assertNotNull(container.getResources().getRequests().get("memory"));
            assertNotNull(container.getResources().getLimits().get("memory"));
            assertNotNull(container.getLifecycle().getPreStop());
            assertTrue(pod.getTerminationGracePeriodSeconds() > 25, "longer than Quarkus's shutdown timeout");
            assertEquals(2, pod.getTopologySpreadConstraints().size());
        }
    }

    @Test
    void ingestAndGatewayScaleOutButRoutingAndMetricsStayWithinTheirPartitions() {
        Chart.Rendered rendered = Chart.production();
        for (String service : List.of("ingest-service", "agent-gateway", "routing-service")) {
            HorizontalPodAutoscaler hpa = rendered.named(HorizontalPodAutoscaler.class, deploymentName(service));
            assertEquals(
                    deploymentName(service), hpa.getSpec().getScaleTargetRef().getName());
        }
        // Autoscaling off: a fixed number of replicas, no autoscaler.
        assertEquals(
                2,
                rendered.named(Deployment.class, deploymentName("metrics-service"))
                        .getSpec()
                        .getReplicas());
        assertTrue(rendered.typed(HorizontalPodAutoscaler.class).stream()
                .noneMatch(h -> h.getMetadata().getName().equals(deploymentName("metrics-service"))));
        SERVICES.forEach(service -> rendered.named(PodDisruptionBudget.class, deploymentName(service)));
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> Chart.render(List.of(), "routing.replicas", "7"));
        assertTrue(refused.getMessage().contains("parley.inbound-messages has 6 partitions"), refused.getMessage());
    }

    @Test
    void theWebhooksAndTheAppHaveTheirOwnHostsAndNothingElseIsPublished() {
        List<Ingress> ingresses = Chart.production().typed(Ingress.class);
        Map<String, String> backends = new HashMap<>();
        for (Ingress ingress : ingresses) {
            assertEquals(1, ingress.getSpec().getTls().size());
            ingress.getSpec()
                    .getRules()
                    .forEach(rule -> rule.getHttp()
                            .getPaths()
                            .forEach(path -> backends.put(
                                    rule.getHost() + path.getPath(),
                                    path.getBackend().getService().getName() + ":"
                                            + path.getBackend()
                                                    .getService()
                                                    .getPort()
                                                    .getName())));
        }
        assertEquals(
                Map.of(
                        "hooks.acme.example/webhooks/", "parley-ingest-service:http",
                        "care.acme.example/", "parley-agent-gateway:http"),
                backends);
    }

    @Test
    void networkPoliciesAdmitExactlyTheIntendedFlows() {
        Chart.Rendered rendered = Chart.production();
        Reachability network = new Reachability(rendered.typed(NetworkPolicy.class), Chart.NAMESPACE);
        Map<String, Pod> pods = new HashMap<>();
        for (String service : SERVICES) {
            Deployment deployment = rendered.named(Deployment.class, deploymentName(service));
            pods.put(
                    service,
                    new Pod(
                                    Chart.NAMESPACE,
                                    Map.of("kubernetes.io/metadata.name", Chart.NAMESPACE),
                                    deployment
                                            .getSpec()
                                            .getTemplate()
                                            .getMetadata()
                                            .getLabels(),
                                    List.of())
                            .with(deployment.getSpec().getTemplate().getSpec().getContainers()));
        }
        Pod ingressController = Pod.of("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod prometheus = Pod.of("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod stranger = Pod.of(Chart.NAMESPACE, Map.of("app", "something-else"));
        Pod strangerElsewhere = Pod.of("other", Map.of("app.kubernetes.io/name", "ingress-nginx"));

        Set<String> admitted = new TreeSet<>();
        Map<String, Pod> sources = new HashMap<>(pods);
        sources.put("ingress-controller", ingressController);
        sources.put("prometheus", prometheus);
        sources.put("stranger", stranger);
        sources.put("stranger-elsewhere", strangerElsewhere);
        sources.forEach((fromName, from) -> pods.forEach((toName, to) -> {
            for (String portName : List.of("http", "management")) {
                if (network.admits(from, to, port(to.containers().get(0), portName))) {
                    admitted.add(fromName + " -> " + toName + ":" + portName);
                }
            }
        }));
        Set<String> expected = new TreeSet<>(Set.of(
                "ingress-controller -> ingest-service:http",
                "ingress-controller -> agent-gateway:http",
                "agent-gateway -> ingest-service:http",
                "agent-gateway -> routing-service:http",
                "agent-gateway -> metrics-service:http"));
        SERVICES.forEach(service -> expected.add("prometheus -> " + service + ":management"));
        assertEquals(expected, admitted);

        // Each database takes its own service only.
        for (String service : List.of("ingest-service", "routing-service", "metrics-service")) {
            String cluster = "parley-" + service.replace("-service", "") + "-db";
            Pod database = Pod.of(Chart.NAMESPACE, Map.of("cnpg.io/cluster", cluster));
            for (String client : SERVICES) {
                assertEquals(
                        client.equals(service),
                        network.admits(pods.get(client), database, 5432),
                        client + " -> " + cluster);
            }
            assertTrue(network.admits(database, database, 5432), "replication between the instances");
            assertFalse(network.admits(stranger, database, 5432));
        }
    }

    @Test
    void theValuesSchemaRejectsInvalidValues() {
        for (String[] bad : List.of(
                new String[] {"image.variant", "fat"},
                new String[] {"kafka.securityProtocol", "SASL"},
                new String[] {"kafka.bootstrapServers", "kafka without a port"},
                new String[] {"ingest.heap", "lots"},
                new String[] {"routing.database.sslMode", "maybe"},
                new String[] {"gateway.autoscaling.targetCPUUtilizationPercentage", "500"},
                new String[] {"ingest.env.lower_case", "x"},
                new String[] {"routing.replica", "2"})) {
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> Chart.render(List.of(), bad[0], bad[1]), bad[0]);
            assertTrue(refused.getMessage().contains("schema"), bad[0] + ": " + refused.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "jvm,ghcr.io/parley-care/routing-service:0.1.0",
        "native,ghcr.io/parley-care/routing-service:0.1.0-native"
    })
    void theImageVariantPicksTheImageAndItsFlags(String variant, String image) {
        Chart.Rendered rendered = Chart.render(List.of(), "image.variant", variant);
        Container routing = container(rendered.named(Deployment.class, deploymentName("routing-service")));
        assertEquals(image, routing.getImage());
        Map<String, String> config = rendered.named(ConfigMap.class, deploymentName("routing-service"))
                .getData();
        assertEquals(variant.equals("jvm"), config.containsKey("JAVA_TOOL_OPTIONS"));
        if (variant.equals("jvm")) {
            assertTrue(config.get("JAVA_TOOL_OPTIONS").startsWith("-Xms96m -Xmx96m "), config.get("JAVA_TOOL_OPTIONS"));
        }
    }

    @Test
    void kafkaTopicsAndUsersFollowTheServicesTopicsAndTheAclPlan() {
        Chart.Rendered rendered = Chart.production();
        Set<String> topics = rendered.ofKind("KafkaTopic")
                .map(t -> (String) spec(t).get("topicName"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(KafkaAcls.TOPICS), topics);

        Set<String> renderedAcls = new TreeSet<>();
        rendered.ofKind("KafkaUser").forEach(user -> {
            String name = (String) metadata(user).get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> authorization = (Map<String, Object>) spec(user).get("authorization");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> acls = (List<Map<String, Object>>) authorization.get("acls");
            for (Map<String, Object> acl : acls) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                @SuppressWarnings("unchecked")
                List<String> operations = (List<String>) acl.get("operations");
                operations.forEach(op -> renderedAcls.add(
                        name + " " + op.toUpperCase() + " " + resource.get("type") + " " + resource.get("name")));
            }
        });
        Set<String> plan = new TreeSet<>();
        for (AclBinding binding : KafkaAcls.forServices()) {
            String user = binding.entry().principal().substring("User:".length());
            AclOperation operation = binding.entry().operation();
            String type = binding.pattern().resourceType() == ResourceType.TOPIC ? "topic" : "group";
            plan.add(user + " " + operation.name() + " " + type + " "
                    + binding.pattern().name());
        }
        assertEquals(plan, renderedAcls);
    }

    @Test
    void theDashboardIsGrafanaJsonOverTheServicesMetrics() throws Exception {
        Map<String, Object> configMap = Chart.production()
                .ofKind("ConfigMap")
                .filter(c -> metadata(c).get("name").equals("parley-dashboard"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, String> data = (Map<String, String>) configMap.get("data");
        JsonNode dashboard = new ObjectMapper().readTree(data.get("parley.json"));
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));
        for (String wanted : List.of(
                "Webhooks received",
                "Webhook failures",
                "Consumer lag",
                "Backlog by team",
                "Response times (p50 / p90)",
                "SLA breaches",
                "CSAT (share of 4 and 5)")) {
            assertTrue(titles.contains(wanted), wanted);
        }
    }

    @Test
    void monitoringScrapesTheManagementPort() {
        Chart.production().ofKind("ServiceMonitor").forEach(monitor -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> endpoints =
                    (List<Map<String, Object>>) spec(monitor).get("endpoints");
            assertEquals("management", endpoints.get(0).get("port"));
            assertEquals("/q/metrics", endpoints.get(0).get("path"));
        });
        assertEquals(4, Chart.production().ofKind("ServiceMonitor").count());
        assertEquals(0, Chart.defaults().ofKind("ServiceMonitor").count());
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElseThrow()
                .getContainerPort();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> document) {
        return (Map<String, Object>) document.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> document) {
        return (Map<String, Object>) document.get("metadata");
    }
}
