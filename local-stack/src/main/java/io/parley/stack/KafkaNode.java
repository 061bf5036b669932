package io.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;

/**
 * One Apache Kafka node in KRaft mode (broker and controller in one JVM), from the Maven Central jars. Its client
 * listener is plain, or SASL with SCRAM-SHA-512 for the users it is started with ({@link #startWithScram}).
 */
public final class KafkaNode {
    /** The broker's own user on a SCRAM listener (inter-broker traffic). */
    static final String BROKER_USER = "broker";

    /** A SCRAM user and what a Kafka client (and so a Parley service, under {@code kafka.}) needs to log in as it. */
    public record ScramUser(String name, String password) {
        public Map<String, String> clientConfig(String prefix) {
            return Map.of(
                    prefix + "security.protocol", "SASL_PLAINTEXT",
                    prefix + "sasl.mechanism", "SCRAM-SHA-512",
                    prefix + "sasl.jaas.config",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                                    + "\" password=\"" + password + "\";");
        }
    }

    private final ManagedProcess process;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final List<ScramUser> users;

    private KafkaNode(ManagedProcess process, Path dir, int port, int controllerPort, List<ScramUser> users) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.users = users;
    }

    /** The same broker again (same data, same ports) after {@link #stop()}: for outage tests. */
    public KafkaNode restart() {
        return start(dir, port, controllerPort, users, false, () -> {});
    }

    public static KafkaNode start(Path dir, int port, int controllerPort, boolean detach, Runnable onWait) {
        return start(dir, port, controllerPort, List.of(), detach, onWait);
    }

    /**
     * A broker whose client listener takes only SCRAM-SHA-512 logins of {@code users} (created when the storage is
     * formatted), so a client without credentials cannot read or write any topic.
     */
    public static KafkaNode startWithScram(Path dir, int port, int controllerPort, List<ScramUser> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a SCRAM broker needs at least one user");
        }
        return start(dir, port, controllerPort, users, false, () -> {});
    }

    /**
     * Creates the topics and grants the ACLs of {@link KafkaAcls}, as the broker's own (super) user. Only a broker
     * started with SCRAM authorizes; on it, a user may do nothing it was not granted.
     */
    public void authorize(List<String> topics, List<AclBinding> acls) {
        if (users.isEmpty()) {
            throw new IllegalStateException("only a SCRAM broker authorizes");
        }
        Map<String, Object> config = new java.util.HashMap<>(brokerUserConfig());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(topics.stream()
                            .map(topic -> new NewTopic(topic, 3, (short) 1))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("could not create topics and ACLs on Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private Map<String, String> brokerUserConfig() {
        try {
            return brokerUser(dir).clientConfig("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaNode start(
            Path dir, int port, int controllerPort, List<ScramUser> users, boolean detach, Runnable onWait) {
        Ports.requireFree("Kafka", port);
        Ports.requireFree("Kafka controller", controllerPort);
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Path logDir = dir.resolve("data");
            ScramUser broker = users.isEmpty() ? null : brokerUser(dir);
            Files.writeString(config, serverProperties(port, controllerPort, logDir, broker));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J);
            List<String> jvm = new java.util.ArrayList<>(List.of(
                    StackLayout.javaExecutable(),
                    "-Xms128m",
                    "-Xmx512m",
                    // kafka-server-start.sh's own GC settings: the 200 ms default pause goal shows up as
                    // produce-latency outliers.
                    "-XX:+UseG1GC",
                    "-XX:MaxGCPauseMillis=20",
                    "-XX:InitiatingHeapOccupancyPercent=35",
                    "-XX:+ExplicitGCInvokesConcurrent",
                    StackLayout.COMPILE_SOONER,
                    "-Dlog4j2.configurationFile=" + log4j,
                    "-Dparley.part=kafka"));
            jvm.addAll(StackLayout.javaOptionsFrom("PARLEY_KAFKA_JAVA_OPTS", "kafka"));
            jvm.addAll(List.of("-cp", StackLayout.serverClasspath()));
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                List<ScramUser> all = new java.util.ArrayList<>(users);
                if (broker != null) {
                    all.add(broker);
                }
                format(dir, jvm, config, all);
            }
            ManagedProcess process = ManagedProcess.start(
                    "kafka",
                    concat(jvm, "kafka.Kafka", config.toString()),
                    Map.of(),
                    dir,
                    dir.resolve("kafka.log"),
                    detach);
            process.awaitReady(
                    "listening on port " + port,
                    Duration.ofSeconds(90),
                    () -> ManagedProcess.portOpen(port)
                            && ManagedProcess.logContains(process.log(), "Kafka Server started"),
                    onWait);
            return new KafkaNode(process, dir, port, controllerPort, List.copyOf(users));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        process.stop();
    }

    /** The broker's password, made once per data folder and kept beside it, so a restart logs in again. */
    private static ScramUser brokerUser(Path dir) throws IOException {
        Path file = dir.resolve("broker-password");
        if (!Files.exists(file)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return new ScramUser(BROKER_USER, Files.readString(file).trim());
    }

    private static void format(Path dir, List<String> jvm, Path config, List<ScramUser> users) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        // URL-safe base64 may start with '-': passed as "--cluster-id=…" so the tool does not take it for an option.
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        List<String> arguments = new java.util.ArrayList<>(
                List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "-c", config.toString()));
        for (ScramUser user : users) {
            arguments.add("--add-scram");
            arguments.add("SCRAM-SHA-512=[name=" + user.name() + ",password=" + user.password() + "]");
        }
        ManagedProcess format = ManagedProcess.start(
                "kafka-storage-format",
                concat(jvm, arguments.toArray(String[]::new)),
                Map.of(),
                dir,
                dir.resolve("format.log"),
                false);
        format.awaitSuccessfulExit("formatting its storage", Duration.ofSeconds(60));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail))
                .toList();
    }

    private static String serverProperties(int port, int controllerPort, Path logDir, ScramUser broker) {
        String client = broker == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        String scram = broker == null
                ? ""
                : String.join(
                        "\n",
                        "sasl.enabled.mechanisms=SCRAM-SHA-512",
                        "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                                + broker.clientConfig("").get("sasl.jaas.config"),
                        // Nobody may do what they were not granted (KafkaAcls). The broker is its own super user, and
                        // so is the controller listener's ANONYMOUS: that listener takes only controller requests.
                        "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                        "super.users=User:" + BROKER_USER + ";User:ANONYMOUS",
                        "allow.everyone.if.no.acl.found=false");
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + client + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + client,
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT," + client + ":" + client,
                scram,
                "log.dirs=" + logDir,
                "num.partitions=3",
                // An authorizing broker has its topics created up front (KafkaNode.authorize): no user may create them.
                "auto.create.topics.enable=" + (broker == null),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static final String LOG4J = String.join(
            "\n",
            "appender.console.type=Console",
            "appender.console.name=STDOUT",
            "appender.console.layout.type=PatternLayout",
            "appender.console.layout.pattern=[%d] %p %m (%c)%n",
            "rootLogger.level=INFO",
            "rootLogger.appenderRef.stdout.ref=STDOUT",
            "logger.kafka.name=kafka",
            "logger.kafka.level=INFO",
            "logger.apache.name=org.apache.kafka",
            "logger.apache.level=WARN",
            "");
}
