package org.tolk.content;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The original that an article translates: front matter {@code source}.
 *
 * @param language  language code of the original (any BCP-47 code, not necessarily one of the site's)
 * @param published when the original appeared, if known
 */
public record Source(String name, String url, String language, Optional<ZonedDateTime> published) {
}
