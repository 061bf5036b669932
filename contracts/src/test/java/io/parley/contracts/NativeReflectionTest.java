package io.parley.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native image knows only the classes registered for reflection. Jackson reads and writes every record and enum of
 * the contracts by reflection, in events as well as in REST bodies, so META-INF/native-image/.../reflect-config.json
 * (which GraalVM reads from the jar) must name each of them: this test fails when a new one is not listed.
 */
class NativeReflectionTest {
    private static final String CONFIG = "META-INF/native-image/io.parley/parley-contracts/reflect-config.json";

    @Test
    void everyRecordAndEnumOfTheContractsIsRegisteredForReflection() throws Exception {
        Set<String> expected = new TreeSet<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isRecord() || type.isEnum()) {
                    expected.add(name);
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        try (InputStream config = getClass().getClassLoader().getResourceAsStream(CONFIG)) {
            for (JsonNode entry : new ObjectMapper().readTree(config)) {
                registered.add(entry.get("name").asText());
            }
        }
        assertEquals(expected, registered);
    }
}
