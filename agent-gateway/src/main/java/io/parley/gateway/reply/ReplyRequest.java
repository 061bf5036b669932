package io.parley.gateway.reply;

import io.parley.contracts.api.Conversations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Body of POST /api/conversations/{id}/replies.
 *
 * @param lastSeenMessageId the newest message the agent saw when writing: someone else's reply after it needs
 *     {@code confirmReplyAfterOthers} (409 otherwise)
 * @param confirmPersonalData send personal data in a public reply all the same (422 otherwise)
 */
public record ReplyRequest(
        @NotBlank @Size(max = Conversations.MAX_TEXT) String text,
        UUID lastSeenMessageId,
        boolean confirmPersonalData,
        boolean confirmReplyAfterOthers) {}
