package io.parley.ingest.inbox;

import io.parley.ingest.secrets.EncryptedSecret;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One connected channel account: where webhooks arrive and which team gets its conversations. */
@Entity
@Table(name = "inbox")
public class Inbox extends PanacheEntityBase {
    @Id
    public String id;

    public String channel;

    public String name;

    public String team;

    /**
     * What proves a webhook is the provider's: Meta's app secret, X's consumer secret, Telegram's secret token, the
     * mail relay's password, the API channel's signing key. Never serialised: {@link InboxView} leaves the service.
     * Encrypted at rest, like the verify token and the access token.
     */
    @Convert(converter = EncryptedSecret.class)
    public String secret;

    /** Meta's hub.verify_token for the subscription handshake. */
    @Column(name = "verify_token")
    @Convert(converter = EncryptedSecret.class)
    public String verifyToken;

    /** The provider account behind the inbox (page id, phone number id, X user id); its own events are not a customer's. */
    @Column(name = "account_id")
    public String accountId;

    /** The channel API's token for sending replies (Meta, X, Telegram bot token). Never serialised. */
    @Column(name = "access_token")
    @Convert(converter = EncryptedSecret.class)
    public String accessToken;

    /** E-mail: the From address of replies. */
    @Column(name = "sender_address")
    public String senderAddress;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String toString() {
        return "Inbox[" + id + ", " + channel + "]";
    }
}
