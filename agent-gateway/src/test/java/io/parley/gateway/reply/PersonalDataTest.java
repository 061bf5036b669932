package io.parley.gateway.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the privacy guard counts as personal data in a public reply, with the default order-number pattern. */
class PersonalDataTest {
    static final PersonalData DETECTOR = new PersonalData(Pattern.compile(
            "\\b(?:order|booking|invoice|reservation)\\s*(?:no\\.?|number|nr\\.?|#)?\\s*[:#]?\\s*[A-Z]{0,4}-?\\d{4,}\\b",
            Pattern.CASE_INSENSITIVE));

    static List<Arguments> replies() {
        return List.of(
                Arguments.of("Sorry to hear that! We'll look into it.", List.of()),
                Arguments.of("Please DM us so we can help.", List.of()),
                Arguments.of("Write to jane.doe@example.co.uk and we'll sort it", List.of(PersonalData.EMAIL)),
                Arguments.of("Call us back on +44 20 7946 0958", List.of(PersonalData.PHONE)),
                Arguments.of("Is your number 0151-496-0000?", List.of(PersonalData.PHONE)),
                Arguments.of("The card 4111 1111 1111 1111 was declined", List.of(PersonalData.CARD)),
                Arguments.of("4111-1111-1111-1112 fails Luhn, so it reads as no card", List.of()),
                Arguments.of("Refund to DE89 3704 0044 0532 0130 00 is on its way", List.of(PersonalData.IBAN)),
                Arguments.of("Your order #123456 ships today", List.of(PersonalData.ORDER)),
                Arguments.of("Order number: AB-98765 is delayed", List.of(PersonalData.ORDER)),
                Arguments.of("We open at 9:00 on 12.05.2026, see you then", List.of()),
                Arguments.of("Back in 2 days, 3 hours at most", List.of()),
                Arguments.of(
                        "Mail a@b.io or call 555 123 4567 about order 99887",
                        List.of(PersonalData.EMAIL, PersonalData.PHONE, PersonalData.ORDER)));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void findsWhatAPublicReplyShouldNotSay(String text, List<String> expected) {
        assertEquals(expected, DETECTOR.find(text));
    }
}
