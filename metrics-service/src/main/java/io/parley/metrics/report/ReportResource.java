package io.parley.metrics.report;

import io.parley.metrics.projection.ReportingEvent.Name;
import io.parley.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reports over any range, grouped and bucketed (docs/metrics.md), as JSON or, with {@code Accept: text/csv}, as a
 * streamed CSV file. Everyone sees what their scope allows: an admin everything, a supervisor their teams, an agent their
 * own figures ({@link ReportScope}).
 */
@Path("/reports")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class ReportResource {
    private static final List<String> EVENT_COLUMNS = List.of(
            "event_id",
            "name",
            "detail",
            "policy_id",
            "value",
            "business_value",
            "started_at",
            "occurred_at",
            "conversation_id",
            "inbox_id",
            "channel",
            "team",
            "agent",
            "priority",
            "replies");

    private final ConversationReport conversations;
    private final CsatReport csat;
    private final SlaReport sla;
    private final LiveView live;
    private final RowStreams streams;
    private final SecurityIdentity identity;

    public ReportResource(
            ConversationReport conversations,
            CsatReport csat,
            SlaReport sla,
            LiveView live,
            RowStreams streams,
            SecurityIdentity identity) {
        this.conversations = conversations;
        this.csat = csat;
        this.sla = sla;
        this.live = live;
        this.streams = streams;
        this.identity = identity;
    }

    /** Volume, first response, reply and resolution times, response rate, first-contact resolution, reopen rate. */
    @GET
    @Path("/conversations")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationReport.Report> conversations(@BeanParam ReportParams params) {
        return conversations.report(request(params));
    }

    @GET
    @Path("/conversations")
    @Produces(Csv.SECOND_CHOICE)
    public Multi<String> conversationsCsv(@BeanParam ReportParams params) {
        return Csv.of(ConversationReport.CSV_HEADER, conversations.rows(request(params)), ConversationReport::csv);
    }

    /** CSAT and NPS: surveys sent, responses, scores and the distribution of ratings. */
    @GET
    @Path("/csat")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CsatReport.Report> csat(@BeanParam ReportParams params) {
        return csat.report(request(params));
    }

    @GET
    @Path("/csat")
    @Produces(Csv.SECOND_CHOICE)
    public Multi<String> csatCsv(@BeanParam ReportParams params) {
        return Csv.of(CsatReport.CSV_HEADER, csat.rows(request(params)), CsatReport::csv);
    }

    /** One customer's survey answers over time. */
    @GET
    @Path("/csat/contacts/{contactId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<CsatReport.Answer>> csatOfContact(@PathParam("contactId") UUID contactId) {
        return csat.trend(contactId, ReportScope.of(identity));
    }

    /** SLA attainment per policy and metric. */
    @GET
    @Path("/sla")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SlaReport.Report> sla(@BeanParam ReportParams params) {
        return sla.report(request(params));
    }

    @GET
    @Path("/sla")
    @Produces(Csv.SECOND_CHOICE)
    public Multi<String> slaCsv(@BeanParam ReportParams params) {
        return Csv.of(SlaReport.CSV_HEADER, sla.rows(request(params)), SlaReport::csv);
    }

    /** Every reporting event of the range and filters, oldest first: the raw material for other tools. */
    @GET
    @Path("/events")
    @Produces(Csv.MEDIA_TYPE)
    public Multi<String> events(@BeanParam ReportParams params) {
        ReportSql query = ReportSql.listing(request(params), Name.ALL, "e." + String.join(", e.", EVENT_COLUMNS));
        return Csv.of(
                EVENT_COLUMNS,
                streams.of(query.sql(), query.tuple()),
                row -> Arrays.asList(
                        row.getUUID("event_id").toString(),
                        row.getString("name"),
                        row.getString("detail"),
                        row.getString("policy_id"),
                        row.getLong("value"),
                        row.getLong("business_value"),
                        text(row.getOffsetDateTime("started_at")),
                        text(row.getOffsetDateTime("occurred_at")),
                        row.getUUID("conversation_id").toString(),
                        row.getString("inbox_id"),
                        row.getString("channel"),
                        row.getString("team"),
                        row.getString("agent"),
                        row.getString("priority"),
                        row.getInteger("replies")));
    }

    /** Each team's open, unassigned, unattended and queued conversations, oldest wait, agents online and away. */
    @GET
    @Path("/live")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<LiveView.Live> live() {
        return live.now(ReportScope.of(identity));
    }

    private ReportRequest request(ReportParams params) {
        return ReportRequest.of(params, ReportScope.of(identity));
    }

    private static String text(java.time.OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
