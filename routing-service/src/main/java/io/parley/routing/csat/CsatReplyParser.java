package io.parley.routing.csat;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 1–5 satisfaction rating out of a free-text answer: a digit ("4", "4/5", "5 stars"), a word in English or
 * Spanish ("five", "excellent", "cinco", "malo"), stars (★★★★ or ⭐⭐⭐⭐) or a face emoji. The rating must open the
 * answer; what follows is the comment. Anything else is no answer, and the message is treated as a new request.
 */
public final class CsatReplyParser {
    private static final Pattern DIGIT = Pattern.compile(
            "^([1-5])(?:\\s*(?:/|out of|de)\\s*5)?(?![0-9])\\s*(?:stars?|estrellas?)?[\\s.,!:;-]*(.*)$",
            Pattern.DOTALL);
    private static final Pattern STARS = Pattern.compile("^([★⭐]{1,5})[\\s.,!:;-]*(.*)$", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("^([\\p{L}]+(?: [\\p{L}]+)?)[\\s.,!:;-]*(.*)$", Pattern.DOTALL);
    private static final Map<String, Integer> WORDS = new LinkedHashMap<>();
    private static final Map<String, Integer> FACES =
            Map.of("😡", 1, "😠", 1, "😞", 2, "🙁", 2, "😐", 3, "🙂", 4, "😊", 4, "😀", 5, "😍", 5, "🤩", 5);

    static {
        for (String[] entry : new String[][] {
            {"one", "1"},
            {"two", "2"},
            {"three", "3"},
            {"four", "4"},
            {"five", "5"},
            {"uno", "1"},
            {"dos", "2"},
            {"tres", "3"},
            {"cuatro", "4"},
            {"cinco", "5"},
            {"terrible", "1"},
            {"awful", "1"},
            {"very bad", "1"},
            {"pesimo", "1"},
            {"muy malo", "1"},
            {"bad", "2"},
            {"poor", "2"},
            {"malo", "2"},
            {"ok", "3"},
            {"okay", "3"},
            {"average", "3"},
            {"regular", "3"},
            {"normal", "3"},
            {"good", "4"},
            {"very good", "5"},
            {"bueno", "4"},
            {"muy bueno", "5"},
            {"great", "5"},
            {"excellent", "5"},
            {"amazing", "5"},
            {"excelente", "5"},
            {"genial", "5"}
        }) {
            WORDS.put(entry[0], Integer.parseInt(entry[1]));
        }
    }

    private CsatReplyParser() {}

    public static Optional<RatingReply> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher digit = DIGIT.matcher(trimmed);
        if (digit.matches()) {
            return Optional.of(new RatingReply(Integer.parseInt(digit.group(1)), comment(digit.group(2))));
        }
        Matcher stars = STARS.matcher(trimmed);
        if (stars.matches()) {
            return Optional.of(new RatingReply(
                    stars.group(1).codePointCount(0, stars.group(1).length()), comment(stars.group(2))));
        }
        for (Map.Entry<String, Integer> face : FACES.entrySet()) {
            if (trimmed.startsWith(face.getKey())) {
                return Optional.of(new RatingReply(
                        face.getValue(), comment(trimmed.substring(face.getKey().length()))));
            }
        }
        String plain = Normalizer.normalize(trimmed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}+", "");
        Matcher word = WORD.matcher(plain);
        if (word.matches()) {
            // "very good" before "very": the two-word reading wins when it is a known answer.
            String two = word.group(1);
            if (WORDS.containsKey(two)) {
                return Optional.of(new RatingReply(WORDS.get(two), comment(trimmed.substring(two.length()))));
            }
            String one = two.split(" ")[0];
            if (WORDS.containsKey(one)) {
                return Optional.of(new RatingReply(WORDS.get(one), comment(trimmed.substring(one.length()))));
            }
        }
        return Optional.empty();
    }

    static String comment(String rest) {
        String comment = rest.replaceFirst("^[\\s.,!:;-]+", "").strip();
        return comment.isEmpty() ? null : comment;
    }
}
