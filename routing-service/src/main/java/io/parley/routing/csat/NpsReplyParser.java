package io.parley.routing.csat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a 0–10 likelihood-to-recommend score that opens the answer ("9", "10/10", "8 - quick and kind"). */
public final class NpsReplyParser {
    private static final Pattern SCORE =
            Pattern.compile("^(10|[0-9])(?:\\s*(?:/|out of|de)\\s*10)?(?![0-9])[\\s.,!:;-]*(.*)$", Pattern.DOTALL);

    private NpsReplyParser() {}

    public static Optional<RatingReply> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher score = SCORE.matcher(text.strip());
        if (!score.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RatingReply(Integer.parseInt(score.group(1)), CsatReplyParser.comment(score.group(2))));
    }
}
