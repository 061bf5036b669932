package io.parley.metrics.report;

/** What every report answers with before its rows: the range, time zone, grouping and buckets it was asked for. */
public record ReportHeader(String from, String to, String timeZone, String groupBy, String bucket) {
    static ReportHeader of(ReportRequest request) {
        return new ReportHeader(
                request.from().toString(),
                request.to().toString(),
                request.zone().getId(),
                request.groupBy().lower(),
                request.bucket().lower());
    }
}
