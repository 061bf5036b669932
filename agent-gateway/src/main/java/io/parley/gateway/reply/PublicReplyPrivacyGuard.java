package io.parley.gateway.reply;

import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Personal data only in private messages (Twitter's customer-care practice): a reply that goes out in public (under an
 * X mention, a Facebook or Instagram comment) and holds an e-mail address, phone, card, bank account or order number
 * is refused with 422 unless the agent confirms it, suggesting a private message instead.
 */
@ApplicationScoped
public class PublicReplyPrivacyGuard {
    public static final String PROBLEM_TYPE = "https://parley.dev/problems/personal-data-in-public-reply";

    private final PersonalData personalData;

    public PublicReplyPrivacyGuard(PrivacyConfig config) {
        this.personalData = new PersonalData(Pattern.compile(config.orderNumberPattern(), Pattern.CASE_INSENSITIVE));
    }

    public void check(boolean publicReply, String text, boolean confirmed) {
        if (!publicReply || confirmed) {
            return;
        }
        List<String> found = personalData.find(text);
        if (!found.isEmpty()) {
            throw new ProblemException(
                    422,
                    "Personal data in a public reply",
                    "This reply will be public and contains " + String.join(", ", found)
                            + ". Move the conversation to a private message, or confirm to send it in public anyway.",
                    PROBLEM_TYPE);
        }
    }
}
