package io.parley.metrics.reporting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

@ApplicationScoped
public class ReportService {

    @WithSession
    public Uni<Summary> summary() {
        return ConversationCount.<ConversationCount>listAll(Sort.by("inboxId", "channel"))
                .map(ReportService::summarise);
    }

    static Summary summarise(List<ConversationCount> counts) {
        long total = counts.stream().mapToLong(c -> c.conversations).sum();
        TreeMap<String, Long> byChannel = counts.stream()
                .collect(Collectors.groupingBy(
                        c -> c.channel, TreeMap::new, Collectors.summingLong(c -> c.conversations)));
        List<Summary.InboxFigures> byInbox = counts.stream()
                .map(c -> new Summary.InboxFigures(c.inboxId, c.channel, c.conversations))
                .toList();
        return new Summary(total, byChannel, byInbox);
    }
}
