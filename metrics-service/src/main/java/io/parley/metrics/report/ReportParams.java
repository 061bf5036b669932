package io.parley.metrics.report;

import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The query string every report takes; {@link ReportRequest#of} checks it. */
public class ReportParams {
    /** An instant (2026-11-02T08:00:00Z) or a date (2026-11-02, its midnight in the time zone); inclusive. */
    @QueryParam("from")
    public String from;

    /** Like from; exclusive. */
    @QueryParam("to")
    public String to;

    /** IANA time zone of dates and buckets, e.g. Europe/Berlin; UTC when absent. */
    @QueryParam("timeZone")
    public String timeZone;

    /** none, inbox, channel, team, agent, tag or priority. */
    @QueryParam("groupBy")
    public String groupBy;

    /** none, hour, day, week or month. */
    @QueryParam("bucket")
    public String bucket;

    @QueryParam("inbox")
    public String inbox;

    @QueryParam("channel")
    public String channel;

    /** Repeatable: team=support&team=sales. */
    @QueryParam("team")
    public List<String> team;

    @QueryParam("agent")
    public String agent;

    @QueryParam("tag")
    public String tag;

    @QueryParam("priority")
    public String priority;
}
