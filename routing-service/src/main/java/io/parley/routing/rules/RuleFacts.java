package io.parley.routing.rules;

import java.util.Map;
import java.util.Set;

/**
 * What a rule's conditions can look at: the message that triggered it (if any) and the conversation as it is now.
 * {@code tags} and {@code priority} follow the actions of earlier rules in the same pass.
 */
public final class RuleFacts {
    public String text;
    public String language;
    public String channel;
    public String inboxId;
    public boolean publicPost;
    public String sentiment;
    public Map<String, String> contact = Map.of();
    public boolean inBusinessHours = true;
    public Set<String> tags = new java.util.HashSet<>();
    /** Tags added in this pass (by an agent, or by an earlier rule): "route when tagged", not "while tagged". */
    public Set<String> addedTags = new java.util.HashSet<>();

    public String priority;
    public String team;
    public String status;
}
