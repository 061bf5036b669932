package io.parley.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rendered manifest against the Kubernetes API model (fabric8's classes, generated from Kubernetes' OpenAPI
 * schemas): its apiVersion and kind must name a known type, every field must be one that type has (the model keeps
 * unknown ones aside as "additional properties", which is what a typo or a misplaced field becomes), and every value
 * must bind to the field's type.
 */
final class KubernetesModel {
    /** Custom resources of operators the chart may create; the API server checks them against their CRDs. */
    static final Set<String> CUSTOM_KINDS = Set.of(
            "kafka.strimzi.io/v1beta2 KafkaTopic",
            "kafka.strimzi.io/v1beta2 KafkaUser",
            "monitoring.coreos.com/v1 ServiceMonitor");

    private KubernetesModel() {}

    /** What is wrong with the document, one line per problem; empty when the model takes it as it is. */
    static List<String> problems(Map<String, Object> document) {
        String id = document.get("apiVersion") + " " + document.get("kind");
        HasMetadata resource;
        try {
            resource = Serialization.unmarshal(Serialization.asJson(document));
        } catch (RuntimeException e) {
            return List.of(id + ": " + e.getMessage());
        }
        if (resource instanceof GenericKubernetesResource) {
            return CUSTOM_KINDS.contains(id) ? List.of() : List.of(id + " is no type of the Kubernetes API");
        }
        List<String> problems = new ArrayList<>();
        walk(resource, id + " " + resource.getMetadata().getName(), problems);
        return problems;
    }

    private static void walk(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, problems));
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                walk(value, path + "." + decapitalise(getter.getName().substring(3)), problems);
            }
        }
    }

    private static String decapitalise(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
