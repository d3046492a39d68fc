package org.tolk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tolk.check.Problems;
import org.tolk.config.Direction;
import org.tolk.config.Language;

/** UI strings with arguments, and dates, as a language writes them; each made once however often it is asked for. */
class StringsTest {
    private static Strings dutch(Path templates) {
        return Strings.load(new Language("nl", "Nederlands", Locale.forLanguageTag("nl-NL"), Direction.LTR, "onderwerpen",
                "Iran Nieuws", ""), templates, new Problems());
    }

    @Test
    void aFormatIsRememberedPerArgumentsNotPerKey(@TempDir Path templates) {
        Strings strings = dutch(templates);
        assertEquals("Pagina 1 van 7", strings.format("pageOf", 1, 7));
        assertEquals("Pagina 2 van 7", strings.format("pageOf", 2, 7));
        assertEquals("Pagina 1 van 7", strings.format("pageOf", 1, 7));
        assertEquals("Pagina 1.000 van 1.200", strings.format("pageOf", 1000, 1200));
    }

    @Test
    void aDateIsRememberedPerMomentAndOffset(@TempDir Path templates) {
        DateFormats dates = new DateFormats(dutch(templates));
        var summer = java.time.ZonedDateTime.parse("2017-07-25T10:00:00+02:00");
        assertEquals("2017-07-25T10:00:00+02:00", dates.view(summer).iso());
        assertEquals("dinsdag 25 juli 2017", dates.view(summer).display());
        var sameInstantElsewhere = summer.withZoneSameInstant(java.time.ZoneOffset.ofHours(-5));
        assertEquals("2017-07-25T03:00:00-05:00", dates.view(sameInstantElsewhere).iso());
    }
}
