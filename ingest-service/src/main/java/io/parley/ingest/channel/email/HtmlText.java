package io.parley.ingest.channel.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Readable text from an HTML-only e-mail, through jsoup's HTML parser (linear in its input, whatever the markup):
 * blocks become lines, scripts, styles and the head go, entities are decoded. Only the first {@link #MAX_HTML_CHARS}
 * characters are read, so the work per body is bounded even below the webhook's 1 MiB limit.
 */
final class HtmlText {
    static final int MAX_HTML_CHARS = 256 * 1024;
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "section",
            "article",
            "header",
            "footer");
    private static final String INVISIBLE = "script, style, head, title, template, noscript";

    private HtmlText() {}

    static String of(String html) {
        String bounded = html.length() > MAX_HTML_CHARS ? html.substring(0, MAX_HTML_CHARS) : html;
        Document document = Jsoup.parse(bounded);
        document.select(INVISIBLE).remove();
        StringBuilder text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element
                        && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        });
        return tidyLines(text.toString().replace('\u00a0', ' '));
    }

    /** Trims every line and keeps at most one blank line in a row; linear, no regular expressions. */
    private static String tidyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanks = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                blanks++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blanks = 0;
        }
        return out.toString();
    }
}
