package org.tolk.config;

import java.util.Locale;

/**
 * One language of the site.
 *
 * @param key         the key in site.yaml and in front matter ({@code nl}); also the first URL segment
 * @param name        the language's name in itself ({@code Nederlands})
 * @param locale      the locale for dates, numbers and UI strings
 * @param title       the site's title in this language
 * @param description the site's description in this language, may be empty
 */
public record Language(String key, String name, Locale locale, Direction direction, String topicsPath,
                       String title, String description) {

    /** BCP-47 tag, as HTML's {@code lang} and {@code hreflang} want it ({@code nl-NL}). */
    public String tag() {
        return locale.toLanguageTag();
    }
}
