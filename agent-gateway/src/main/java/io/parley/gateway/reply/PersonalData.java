package io.parley.gateway.reply;

import io.parley.contracts.api.Conversations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a reply's text: e-mail addresses, phone numbers, card numbers (Luhn-checked), IBANs and
 * order numbers (the pattern is configurable, as each brand writes them differently). Patterns are linear and the
 * text is at most {@link Conversations#MAX_TEXT} characters.
 */
public final class PersonalData {
    public static final String EMAIL = "an e-mail address";
    public static final String PHONE = "a phone number";
    public static final String CARD = "a card number";
    public static final String IBAN = "a bank account number";
    public static final String ORDER = "an order number";

    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}([./-])\\d{1,2}\\1\\d{1,4}");
    private static final Pattern IBAN_PATTERN =
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");

    private final Pattern orderNumber;

    public PersonalData(Pattern orderNumber) {
        this.orderNumber = orderNumber;
    }

    /** What kinds of personal data the text holds, each once, in the order of the constants above. */
    public List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (EMAIL_PATTERN.matcher(text).find()) {
            found.add(EMAIL);
        }
        boolean phone = false;
        boolean card = false;
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (DATE.matcher(run.group()).matches()) {
                continue;
            }
            String digits = run.group().replaceAll("\\D", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                card = true;
            } else if (digits.length() >= 7 && digits.length() <= 15) {
                phone = true;
            }
        }
        if (phone) {
            found.add(PHONE);
        }
        if (card) {
            found.add(CARD);
        }
        if (IBAN_PATTERN.matcher(text).find()) {
            found.add(IBAN);
        }
        if (orderNumber.matcher(text).find()) {
            found.add(ORDER);
        }
        return found;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
