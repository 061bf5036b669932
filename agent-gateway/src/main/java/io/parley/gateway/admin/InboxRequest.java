package io.parley.gateway.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to connect or change an inbox. Secrets are write-only: no response ever contains them. */
@Schema(description = "An inbox: one connected channel account")
public record InboxRequest(
        @Schema(
                description = "api, whatsapp, messenger, instagram, x, telegram or email; fixed once created",
                required = true)
        String channel,

        @Schema(description = "Shown to agents", required = true)
        String name,

        @Schema(description = "The team (Keycloak group) its conversations go to", required = true)
        String team,

        @Schema(
                description = "Meta app secret, X consumer secret, Telegram secret token, mail relay password"
                        + " or API signing key (16+ characters). Omit to keep the current one.",
                writeOnly = true)
        String secret,

        @Schema(description = "Meta only: the hub.verify_token given to Meta", writeOnly = true)
        String verifyToken,

        @Schema(description = "The provider account: page id, phone number id, X user id")
        String accountId,

        @Schema(
                description = "For replies: Meta page or system user token, X user token, Telegram bot token."
                        + " Omit to keep the current one.",
                writeOnly = true)
        String accessToken,

        @Schema(description = "E-mail only: the From address of replies")
        String senderAddress) {}
