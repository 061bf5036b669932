package io.parley.k8s.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the JVM container image of each service from its packaged Quarkus application (target/quarkus-app) with Jib,
 * into an image archive (target/images/&lt;service&gt;.tar, `docker load`-able, pushable with crane or skopeo), without a
 * container engine. The layers go from what changes least to what changes most: libraries, Quarkus's generated
 * classes, the application. The base is a JRE image: a `tar://` archive (k8s/images/build-base-image) or a registry
 * reference. Run by Maven in the k8s module (exec), before the image tests.
 *
 * <p>Arguments: project root, version, base image, registry/repository prefix.
 */
public final class ServiceImages {
    /** Each service with its API and management ports. */
    static final Map<String, List<Integer>> SERVICES = Map.of(
            "ingest-service", List.of(8081, 9081),
            "routing-service", List.of(8082, 9082),
            "metrics-service", List.of(8083, 9083),
            "agent-gateway", List.of(8080, 9080));

    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/app");

    private ServiceImages() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String version = args[1];
        String base = args[2].replace("${root}", root.toString());
        String prefix = args[3];
        Path out = root.resolve("k8s/target/images");
        Files.createDirectories(out);
        for (String service : SERVICES.keySet().stream().sorted().toList()) {
            Path app = root.resolve(service).resolve("target/quarkus-app");
            if (!Files.exists(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is not built: package " + service + " first");
            }
            String name = prefix + "/" + service + ":" + version;
            JibContainer image = builder(base, root)
                    .setFileEntriesLayers(layers(app))
                    .setEntrypoint(
                            "java", "-jar", APP.resolve("quarkus-run.jar").toString())
                    .setWorkingDirectory(APP)
                    .setUser("10001:10001")
                    .setExposedPorts(Set.of(
                            Port.tcp(SERVICES.get(service).get(0)),
                            Port.tcp(SERVICES.get(service).get(1))))
                    .addLabel("org.opencontainers.image.title", "Parley " + service)
                    .addLabel("org.opencontainers.image.version", version)
                    .addLabel("org.opencontainers.image.source", "https://github.com/parley-care/parley")
                    .containerize(Containerizer.to(
                                    TarImage.at(out.resolve(service + ".tar")).named(name))
                            .setOfflineMode(base.startsWith("tar://"))
                            .setApplicationLayersCache(root.resolve(".parley/images/cache/app"))
                            .setBaseImageLayersCache(root.resolve(".parley/images/cache/base")));
            System.out.printf("image %s: %s (%s)%n", name, out.resolve(service + ".tar"), image.getDigest());
        }
    }

    private static JibContainerBuilder builder(String base, Path root) throws Exception {
        if (base.startsWith("tar://")) {
            Path tar = Path.of(base.substring("tar://".length()));
            if (!Files.exists(tar)) {
                throw new IllegalStateException("the base image " + tar + " is missing: build it with "
                        + "k8s/images/build-base-image, or pass -Dparley.image.base=<a registry's JRE 17+ image>");
            }
            return Jib.from(TarImage.at(tar));
        }
        return Jib.from(RegistryImage.named(ImageReference.parse(base)));
    }

    /** lib/boot and lib/main, then Quarkus's generated code, then the application and the launcher. */
    private static List<FileEntriesLayer> layers(Path app) throws IOException {
        return List.of(
                layer("libraries", app, "lib"),
                layer("quarkus", app, "quarkus"),
                layer("application", app, "app", "quarkus-run.jar", "quarkus-app-dependencies.txt"));
    }

    private static FileEntriesLayer layer(String name, Path app, String... entries) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (String entry : entries) {
            Path path = app.resolve(entry);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted().toList()) {
                    if (Files.isRegularFile(file)) {
                        layer.addEntry(file, APP.resolve(app.relativize(file).toString()));
                    }
                }
            }
        }
        return layer.build();
    }
}
