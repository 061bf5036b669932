package io.parley.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own sources say it is configured with: the keys of its application.properties (every profile, and
 * the keys its values refer to), the prefixes of its @ConfigMapping interfaces, and its ports.
 */
record ServiceSources(String name, Set<String> keys, Set<String> mappingPrefixes, Properties properties) {
    static final List<String> NAMES = List.of("ingest-service", "routing-service", "metrics-service", "agent-gateway");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z0-9.\\-\"]+)(:[^}]*)?}");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([a-z0-9.\\-]+)\"\\)");

    static ServiceSources of(String name) {
        Path module = Chart.ROOT.resolve(name);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                keys.add(reference.group(1));
            }
        }
        Set<String> prefixes = new HashSet<>();
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    Matcher mapping = MAPPING.matcher(Files.readString(p));
                    while (mapping.find()) {
                        prefixes.add(mapping.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSources(name, keys, prefixes, properties);
    }

    /** MicroProfile Config's environment form of a key: every character but letters and digits becomes _. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Whether an environment variable sets one of this service's configuration keys. */
    boolean configures(String variable) {
        if (keys.stream().anyMatch(key -> environmentName(key).equals(variable))) {
            return true;
        }
        return mappingPrefixes.stream().anyMatch(prefix -> variable.startsWith(environmentName(prefix) + "_"));
    }

    int port(String key) {
        return Integer.parseInt(properties.getProperty(key));
    }
}
