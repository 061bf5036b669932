package io.parley.e2e;

import io.parley.stack.KeycloakNode;
import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import io.parley.stack.PostgresNode;
import io.parley.stack.StackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The whole stack for one test class, on free ports, in a runtime folder under target/, seeded with the demo. */
final class E2eStack {
    private E2eStack() {}

    /**
     * @param name what the progress lines are prefixed with
     * @param config per service, properties on top of the stack's own
     * @param demoSecret the demo inbox's webhook secret
     */
    static ParleyStack start(String name, Map<String, Map<String, String>> config, String demoSecret)
            throws IOException {
        Path root = Path.of(System.getProperty("parley.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path runtime = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "stack-");
        ParleyStack stack = new ParleyStack(
                new ParleyStack.Options(
                        root,
                        runtime,
                        KeycloakNode.testHome(),
                        StackPorts.free(),
                        PostgresNode.Binaries.EMBEDDED,
                        false,
                        UUID.randomUUID().toString(),
                        false,
                        config),
                new ParleyStack.Progress() {
                    @Override
                    public void starting(String part, String detail) {}

                    @Override
                    public void waiting() {}

                    @Override
                    public void ready(String part, ManagedProcess process, long millis) {
                        System.out.printf("%s: %s ready in %d ms%n", name, part, millis);
                    }
                });
        stack.start(process -> {});
        stack.seedDemo(demoSecret);
        return stack;
    }
}
