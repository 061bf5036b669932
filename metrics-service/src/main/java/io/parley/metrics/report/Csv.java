package io.parley.metrics.report;

import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180) lines of a report, written as its rows arrive. A text cell that a spreadsheet would run as a formula
 * (=, +, -, @ first) is prefixed with a quote mark.
 */
final class Csv {
    static final String MEDIA_TYPE = "text/csv";
    /** Beside a JSON method of the same path: a client accepting anything gets JSON. */
    static final String SECOND_CHOICE = "text/csv;qs=0.5";

    private Csv() {}

    static <T> Multi<String> of(List<String> header, Multi<T> rows, Function<T, List<Object>> values) {
        return Multi.createBy()
                .concatenating()
                .streams(Multi.createFrom().item(line(List.copyOf(header))), rows.map(row -> line(values.apply(row))));
    }

    static String line(List<?> values) {
        return values.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
