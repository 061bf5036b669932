import com.google.re2j.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The seeded automation rules' `matches` patterns (routing's V5 migration) against the labelled customer-care sample,
 * with java.util.regex (what rules ran on before) and RE2/J (what they run on now), in alternating rounds of one
 * process so that both see the same machine. Prints ns per pattern match for each engine.
 */
public class RuleRegexBench {
    public static void main(String[] args) throws Exception {
        List<String> patterns = new ArrayList<>();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"op\":\"matches\",\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(Files.readString(Path.of(args[0])));
        while (value.find()) {
            patterns.add(value.group(1).replace("\\\\", "\\").replace("''", "'"));
        }
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.startsWith("#") && line.split("\t").length == 3) {
                texts.add(line.split("\t")[2]);
            }
        }
        List<java.util.regex.Pattern> jdk = patterns.stream()
                .map(p -> java.util.regex.Pattern.compile(
                        p, java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE))
                .toList();
        List<Pattern> re2 = patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        System.out.printf("%d patterns x %d texts (%s)%n", patterns.size(), texts.size(), args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int repeat = 200;
        long sink = 0;
        for (int round = 0; round <= rounds; round++) {
            long jdkStart = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                for (String text : texts) {
                    for (java.util.regex.Pattern p : jdk) {
                        Matcher m = p.matcher(text);
                        sink += m.find() ? 1 : 0;
                    }
                }
            }
            long jdkNanos = System.nanoTime() - jdkStart;
            long re2Start = System.nanoTime();
            for (int r = 0; r < repeat; r++) {
                for (String text : texts) {
                    for (Pattern p : re2) {
                        sink += p.matcher(text).find() ? 1 : 0;
                    }
                }
            }
            long re2Nanos = System.nanoTime() - re2Start;
            double matches = (double) repeat * texts.size() * patterns.size();
            System.out.printf(
                    "%s round %d: java.util.regex %.0f ns/match, RE2/J %.0f ns/match (%.2fx)%n",
                    round == 0 ? "warm-up" : "measured",
                    round,
                    jdkNanos / matches,
                    re2Nanos / matches,
                    (double) re2Nanos / jdkNanos);
        }
        System.out.println("(sink " + sink + ")");
    }
}
