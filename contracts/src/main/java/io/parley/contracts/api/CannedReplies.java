package io.parley.contracts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** routing-service's canned replies API ({@code /canned-replies}), as routing answers and the gateway calls it. */
public final class CannedReplies {
    private CannedReplies() {}

    /** @param text with placeholders such as {{contact.name}} and {{agent.name}} */
    public record CannedReply(UUID id, String team, String shortcut, String title, String text) {}

    /** Create or replace a canned reply; a shortcut is unique within its team. */
    public record CannedReplyRequest(
            @NotBlank @Size(max = 64) String team,

            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}")
            String shortcut,

            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 4096) String text) {}
}
