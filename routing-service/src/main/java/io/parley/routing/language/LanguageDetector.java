package io.parley.routing.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Language of a message by character n-gram profiles (optimaize language-detector), restricted to the languages the
 * brand configured: a short customer message is far more often told apart among seven languages than among seventy.
 */
@ApplicationScoped
public class LanguageDetector {
    /** Below this a guess is no better than no answer, and rules would act on noise. */
    private static final double MIN_PROBABILITY = 0.7;

    private static final int MIN_LETTERS = 6;

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    public LanguageDetector(@ConfigProperty(name = "parley.language.candidates") List<String> candidates) {
        try {
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader()
                            .readBuiltIn(candidates.stream()
                                    .map(LdLocale::fromString)
                                    .toList()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an ISO 639-1 code, or null when the text is too short or too ambiguous to tell */
    public String detect(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        List<DetectedLanguage> probabilities = detector.getProbabilities(texts.forText(text));
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < MIN_PROBABILITY) {
            return null;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }
}
