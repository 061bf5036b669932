package io.parley.gateway.reply;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The privacy guard on public replies. */
@ConfigMapping(prefix = "parley.privacy")
public interface PrivacyConfig {
    /** How the brand's order numbers look: a Java regex, found anywhere in a reply (case-insensitive). */
    @WithDefault(
            "\\b(?:order|booking|invoice|reservation)\\s*(?:no\\.?|number|nr\\.?|#)?\\s*[:#]?\\s*[A-Z]{0,4}-?\\d{4,}\\b")
    String orderNumberPattern();
}
