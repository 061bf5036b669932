package io.parley.gateway.admin;

import io.parley.contracts.api.Teams;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to connect or change an inbox. Secrets are write-only: no response ever contains them. */
@Schema(description = "An inbox: one connected channel account")
public record InboxRequest(
        @Schema(
                description = "api, whatsapp, messenger, instagram, x, telegram or email; fixed once created",
                required = true)
        @Pattern(regexp = "api|whatsapp|messenger|instagram|x|telegram|email")
        String channel,

        @Schema(description = "Shown to agents", required = true) @Size(max = 200)
        String name,

        @Schema(description = "The team (Keycloak group) its conversations go to", required = true)
        @Pattern(regexp = Teams.ID)
        String team,

        @Schema(
                description = "Meta app secret, X consumer secret, Telegram secret token, mail relay password"
                        + " or API signing key (16+ characters). Omit to keep the current one.",
                writeOnly = true)
        @Size(min = 16, max = 4096)
        String secret,

        @Schema(description = "Meta only: the hub.verify_token given to Meta", writeOnly = true) @Size(max = 512)
        String verifyToken,

        @Schema(description = "The provider account: page id, phone number id, X user id") @Size(max = 255)
        String accountId,

        @Schema(
                description = "For replies: Meta page or system user token, X user token, Telegram bot token."
                        + " Omit to keep the current one.",
                writeOnly = true)
        @Size(max = 4096)
        String accessToken,

        @Schema(description = "E-mail only: the From address of replies") @Email @Size(max = 320)
        String senderAddress) {}
