package io.parley.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The chart in k8s/helm/parley, rendered by Helm itself (helm-java runs Helm's Go code in-process). */
final class Chart {
    static final Path ROOT =
            Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("k8s/helm/parley");
    static final Path PRODUCTION_VALUES = DIR.resolve("ci/production-values.yaml");
    static final String RELEASE = "parley";
    static final String NAMESPACE = "care";

    private Chart() {}

    static Helm helm() {
        return new Helm(DIR);
    }

    /** Renders with the default values, then each values file, then each --set (key, value, key, value…). */
    static Rendered render(List<Path> valuesFiles, Object... sets) {
        TemplateCommand template =
                helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.31.0");
        valuesFiles.forEach(template::withValuesFile);
        for (int i = 0; i < sets.length; i += 2) {
            template.set((String) sets[i], sets[i + 1]);
        }
        return new Rendered(template.call());
    }

    static Rendered defaults() {
        return render(List.of());
    }

    static Rendered production() {
        return render(List.of(PRODUCTION_VALUES));
    }

    /** What `helm template` printed: the documents as plain maps, and as the Kubernetes model's typed objects. */
    record Rendered(String yaml, List<Map<String, Object>> documents) {
        Rendered(String yaml) {
            this(yaml, parse(yaml));
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> parse(String yaml) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        }

        Stream<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind")));
        }

        <T extends HasMetadata> List<T> typed(Class<T> type) {
            return documents.stream()
                    .filter(d -> type.getSimpleName().equals(d.get("kind")))
                    .map(d -> Serialization.unmarshal(Serialization.asJson(d), type))
                    .toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return typed(type).stream()
                    .filter(r -> r.getMetadata().getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }
    }
}
