package io.parley.routing.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures the sentiment method and the language detector on the labelled sample kept in the repository
 * (src/test/resources/sentiment/labelled-sample.tsv) and prints per-language accuracy; the floors below are what
 * docs/routing.md promises.
 */
class SentimentAccuracyTest {
    record Sample(Sentiment label, String language, String text) {}

    static final SentimentAnalyzer SENTIMENT = new SentimentAnalyzer();

    @Test
    void sentimentIsRightOnAtLeastEightyPercentPerLanguage() throws IOException {
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Sample sample : samples()) {
            Sentiment got = SENTIMENT.analyze(sample.text(), sample.language());
            int[] counts = byLanguage.computeIfAbsent(sample.language(), l -> new int[2]);
            counts[1]++;
            if (got == sample.label()) {
                counts[0]++;
            } else {
                misses.add(sample.language() + " expected " + sample.label() + " got " + got + ": " + sample.text());
            }
        }
        byLanguage.forEach((language, counts) -> System.out.printf(
                "sentiment %s: %d/%d = %.1f%%%n", language, counts[0], counts[1], 100.0 * counts[0] / counts[1]));
        misses.forEach(miss -> System.out.println("  miss " + miss));
        assertEquals(List.of("en", "es"), List.copyOf(byLanguage.keySet()));
        byLanguage.forEach((language, counts) ->
                assertTrue(counts[0] >= 0.8 * counts[1], language + " accuracy below 80%: " + misses));
    }

    @Test
    void languageIsDetectedOnAtLeastNinetyPercentOfTheSample() throws IOException {
        LanguageDetector detector = new LanguageDetector(List.of("en", "es", "de", "fr", "pt", "it", "nl"));
        List<Sample> samples = samples();
        List<String> misses = new ArrayList<>();
        for (Sample sample : samples) {
            String got = detector.detect(sample.text());
            if (!sample.language().equals(got)) {
                misses.add(sample.language() + " got " + got + ": " + sample.text());
            }
        }
        System.out.printf("language: %d/%d right%n", samples.size() - misses.size(), samples.size());
        misses.forEach(miss -> System.out.println("  miss " + miss));
        assertTrue(misses.size() <= samples.size() / 10, "too many misses: " + misses);
    }

    @Test
    void negationAndEmojiAreScored() {
        assertEquals(Sentiment.NEGATIVE, SENTIMENT.analyze("This is not good", "en"));
        assertEquals(Sentiment.POSITIVE, SENTIMENT.analyze("not bad, not bad at all", "en"));
        assertEquals(Sentiment.NEGATIVE, SENTIMENT.analyze("👎👎", "de"));
        assertEquals(Sentiment.NEUTRAL, SENTIMENT.analyze("", "en"));
        assertEquals(Sentiment.NEGATIVE, SENTIMENT.analyze("No estoy contento", "es"));
    }

    static List<Sample> samples() throws IOException {
        try (InputStream in = SentimentAccuracyTest.class.getResourceAsStream("/sentiment/labelled-sample.tsv")) {
            List<Sample> samples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", 3);
                samples.add(new Sample(Sentiment.valueOf(parts[0].toUpperCase()), parts[1], parts[2]));
            }
            return samples;
        }
    }
}
