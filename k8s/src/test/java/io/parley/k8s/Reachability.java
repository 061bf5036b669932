package io.parley.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes' NetworkPolicy semantics for the ingress side, enough to ask "may this pod reach that port": a pod no
 * policy selects takes everything; a selected pod takes what some rule of some selecting policy admits (peers of a
 * rule are alternatives; a peer's namespace and pod selectors must both match; no ports means every port; a named port
 * is the container's port of that name).
 */
record Reachability(List<NetworkPolicy> policies, String namespace) {
    /** A pod: its namespace's labels (kubernetes.io/metadata.name among them), its labels and its containers' ports. */
    record Pod(
            String namespace,
            Map<String, String> namespaceLabels,
            Map<String, String> labels,
            List<Container> containers) {
        static Pod of(String namespace, Map<String, String> labels) {
            return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, List.of());
        }

        static Pod of(Map<String, String> namespaceLabels, Map<String, String> labels) {
            return new Pod(namespaceLabels.get("kubernetes.io/metadata.name"), namespaceLabels, labels, List.of());
        }

        Pod with(List<Container> containers) {
            return new Pod(namespace, namespaceLabels, labels, containers);
        }
    }

    boolean admits(Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> namespace.equals(to.namespace()))
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(p -> matches(p.getSpec().getPodSelector(), to.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), to, port)
                        && (rule.getFrom().isEmpty()
                                || rule.getFrom().stream().anyMatch(peer -> peerMatches(peer, from))));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Pod from) {
        if (peer.getIpBlock() != null) {
            return false; // pods are addressed by selectors here
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? namespace.equals(from.namespace())
                : matches(peer.getNamespaceSelector(), from.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), from.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, Pod to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> resolve(p.getPort(), to) == port);
    }

    private static int resolve(IntOrString port, Pod pod) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return pod.containers().stream()
                .flatMap(c -> c.getPorts().stream())
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(-1);
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null
                && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not evaluated here");
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return wanted.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
}
