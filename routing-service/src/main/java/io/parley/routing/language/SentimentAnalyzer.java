package io.parley.routing.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon-based sentiment, one lexicon per language (English and Spanish ship with Parley). Per sentence: phrases are
 * scored first, then words; a negator up to three words before a word flips it at half strength ("not bad" is mildly
 * positive; a comma ends its reach), an intensifier right before it multiplies by 1.5, and whatever comes before "but" counts half. Emoji
 * count in every language. The sum decides: ≥ 1 positive, ≤ −1 negative, otherwise neutral. Accuracy on the labelled
 * sample in the repository is measured by SentimentAccuracyTest and reported in docs/routing.md.
 */
public final class SentimentAnalyzer {
    public static final List<String> LANGUAGES = List.of("en", "es");
    private static final double THRESHOLD = 1.0;
    private static final int NEGATION_REACH = 3;
    private static final Pattern SENTENCES = Pattern.compile("[.!?;¡¿\\n]+");
    private static final Pattern TOKENS = Pattern.compile("[\\p{L}']+|\\p{So}|,");
    private static final Map<String, Double> EMOJI = Map.ofEntries(
            Map.entry("😡", -3.0),
            Map.entry("😠", -3.0),
            Map.entry("🤬", -3.0),
            Map.entry("👎", -2.0),
            Map.entry("😞", -2.0),
            Map.entry("😢", -2.0),
            Map.entry("😭", -2.0),
            Map.entry("🙁", -1.5),
            Map.entry("😊", 2.0),
            Map.entry("😀", 2.0),
            Map.entry("😃", 2.0),
            Map.entry("😍", 3.0),
            Map.entry("❤", 3.0),
            Map.entry("👍", 2.0),
            Map.entry("🙂", 1.0),
            Map.entry("🙏", 1.0),
            Map.entry("🎉", 2.0));

    private record Lexicon(
            Map<String, Double> words,
            List<Map.Entry<String, Double>> prefixes,
            Map<String, Double> phrases,
            Set<String> negators,
            Set<String> intensifiers,
            Set<String> contrasts) {}

    private final Map<String, Lexicon> lexicons = new HashMap<>();

    public SentimentAnalyzer() {
        for (String language : LANGUAGES) {
            lexicons.put(language, load(language));
        }
    }

    public boolean supports(String language) {
        return language != null && lexicons.containsKey(language);
    }

    /** @param language ISO 639-1; a language without a lexicon is scored with the English one (emoji still count). */
    public Sentiment analyze(String text, String language) {
        double score = score(text, language);
        if (score >= THRESHOLD) return Sentiment.POSITIVE;
        if (score <= -THRESHOLD) return Sentiment.NEGATIVE;
        return Sentiment.NEUTRAL;
    }

    public double score(String text, String language) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Lexicon lexicon = lexicons.getOrDefault(language, lexicons.get("en"));
        double total = 0;
        for (String sentence : SENTENCES.split(normalise(text))) {
            total += sentence(sentence, lexicon);
        }
        return total;
    }

    private static double sentence(String sentence, Lexicon lexicon) {
        String rest = " " + sentence.trim().replaceAll("\\s+", " ") + " ";
        double score = 0;
        for (Map.Entry<String, Double> phrase : lexicon.phrases().entrySet()) {
            String needle = " " + phrase.getKey() + " ";
            int at;
            while ((at = rest.indexOf(needle)) >= 0) {
                score += phrase.getValue();
                rest = rest.substring(0, at) + " | " + rest.substring(at + needle.length());
            }
        }
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(rest);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        double beforeContrast = 0;
        int lastNegator = -100;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (lexicon.contrasts().contains(token)) {
                beforeContrast += score;
                score = 0;
                continue;
            }
            if (token.equals(",")) {
                // A negation does not reach past a comma: "not bad, I'm pleased" is not "not pleased".
                lastNegator = -100;
                continue;
            }
            if (lexicon.negators().contains(token) || token.endsWith("n't")) {
                lastNegator = i;
                continue;
            }
            Double value = EMOJI.get(token);
            if (value == null) value = word(token, lexicon);
            if (value == null) continue;
            if (i > 0 && lexicon.intensifiers().contains(tokens.get(i - 1))) {
                value *= 1.5;
            }
            if (i - lastNegator <= NEGATION_REACH) {
                value *= -0.5;
            }
            score += value;
        }
        return beforeContrast * 0.5 + score;
    }

    private static Double word(String token, Lexicon lexicon) {
        Double exact = lexicon.words().get(token);
        if (exact != null) return exact;
        for (Map.Entry<String, Double> prefix : lexicon.prefixes()) {
            if (token.startsWith(prefix.getKey())) return prefix.getValue();
        }
        return null;
    }

    /** Lower case without accents, so "decepción" and "decepcion" are one word; emoji are kept. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{Mn}+", "").replace('’', '\'');
    }

    private static Lexicon load(String language) {
        String resource = "/io/parley/routing/language/sentiment-" + language + ".tsv";
        Map<String, Double> words = new HashMap<>();
        List<Map.Entry<String, Double>> prefixes = new ArrayList<>();
        Map<String, Double> phrases = new HashMap<>();
        Set<String> negators = new HashSet<>();
        Set<String> intensifiers = new HashSet<>();
        Set<String> contrasts = new HashSet<>();
        try (InputStream in = SentimentAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                if (line.startsWith("!")) {
                    Set<String> target = switch (parts[0]) {
                        case "!negator" -> negators;
                        case "!intensifier" -> intensifiers;
                        case "!contrast" -> contrasts;
                        default -> throw new IllegalStateException("unknown list " + parts[0]);
                    };
                    target.addAll(List.of(normalise(parts[1]).split(" ")));
                    continue;
                }
                String entry = normalise(parts[0].trim());
                double value = Double.parseDouble(parts[1].trim());
                if (entry.contains(" ")) {
                    phrases.put(entry, value);
                } else if (entry.endsWith("*")) {
                    prefixes.add(Map.entry(entry.substring(0, entry.length() - 1), value));
                } else {
                    words.put(entry, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(words, prefixes, phrases, negators, intensifiers, contrasts);
    }
}
