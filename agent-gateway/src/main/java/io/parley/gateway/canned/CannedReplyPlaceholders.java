package io.parley.gateway.canned;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a canned reply's placeholders for one conversation and agent: {{contact.name}}, {{contact.first_name}},
 * {{agent.name}}, {{agent.first_name}}. A placeholder it does not know stays as written, so the agent sees it before
 * sending; a contact without a name reads "there" ("Hi there").
 */
public final class CannedReplyPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+\\.[a-z_]+)\\s*}}");
    static final String NO_NAME = "there";

    private CannedReplyPlaceholders() {}

    public static String fill(String text, String contactName, String agentName) {
        String contact = contactName == null || contactName.isBlank() ? NO_NAME : contactName.strip();
        String agent = agentName == null || agentName.isBlank() ? "" : agentName.strip();
        Map<String, String> values = Map.of(
                "contact.name",
                contact,
                "contact.first_name",
                firstWord(contact),
                "agent.name",
                agent,
                "agent.first_name",
                firstWord(agent));
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
