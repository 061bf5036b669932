package io.parley.routing.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsatReplyParserTest {
    @ParameterizedTest(name = "csat \"{0}\" → {1} / {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "5|5|-",
                "4/5|4|-",
                "3 out of 5|3|-",
                "5 stars, super quick|5|super quick",
                "2 - took ages|2|took ages",
                "five|5|-",
                "Excellent! thanks a lot|5|thanks a lot",
                "very good|5|-",
                "good|4|-",
                "bad, nobody read my mail|2|nobody read my mail",
                "cinco|5|-",
                "Muy bueno, gracias|5|gracias",
                "pésimo|1|-",
                "⭐⭐⭐⭐|4|-",
                "★★★ ok I guess|3|ok I guess",
                "😍 love it|5|love it",
                "😡|1|-",
                "🙂|4|-"
            })
    void readsRatings(String text, int rating, String comment) {
        assertEquals(Optional.of(new RatingReply(rating, comment)), CsatReplyParser.parse(text));
    }

    @ParameterizedTest(name = "csat \"{0}\" is no answer")
    @CsvSource(
            delimiter = '|',
            value = {
                "My order 12345 is late",
                "10",
                "0",
                "6",
                "Where is my refund?",
                "I want to speak to a manager",
                "15 minutes"
            })
    void ignoresWhatIsNoRating(String text) {
        assertEquals(Optional.empty(), CsatReplyParser.parse(text));
    }

    @ParameterizedTest(name = "nps \"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {"10|10|-", "0|0|-", "9/10|9|-", "7 - fine but slow|7|fine but slow", "8 out of 10|8|-"})
    void readsNetPromoterScores(String text, int score, String comment) {
        assertEquals(Optional.of(new RatingReply(score, comment)), NpsReplyParser.parse(text));
    }

    @ParameterizedTest(name = "nps \"{0}\" is no answer")
    @CsvSource(
            delimiter = '|',
            value = {"11", "100", "Thanks!", "12345 is my order"})
    void ignoresWhatIsNoScore(String text) {
        assertEquals(Optional.empty(), NpsReplyParser.parse(text));
    }
}
