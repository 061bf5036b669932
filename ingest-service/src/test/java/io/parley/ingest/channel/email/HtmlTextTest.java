package io.parley.ingest.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** HTML-only mail comes from anyone: the work to turn it into text must stay linear whatever it holds. */
class HtmlTextTest {
    static final int MIB = 1024 * 1024;

    @Test
    void aMebibyteOfOpeningBracketsIsConvertedWithinASecond() {
        String html = "<".repeat(MIB);
        String text = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> HtmlText.of(html));
        assertEquals(HtmlText.MAX_HTML_CHARS, text.length(), "the brackets are text, up to the bound");
    }

    @Test
    void otherPathologicalMarkupIsConvertedWithinASecond() {
        for (String unit : new String[] {"<a ", "<!--", "<b>", "&amp", "<script>", " \t"}) {
            String html = unit.repeat(MIB / unit.length());
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> HtmlText.of(html), unit);
        }
    }

    @Test
    void blocksBecomeLinesAndScriptsGo() {
        String text = HtmlText.of("<html><head><style>p{color:red}</style></head><body><p>Hello <b>there</b></p>"
                + "<div>Line&nbsp;two<br>Line three</div><script>alert(1)</script></body></html>");
        assertEquals("Hello there\nLine two\nLine three", text);
    }
}
