package org.tolk.render;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.tolk.render.Views.DateView;

/**
 * Dates as a language writes them ({@code dinsdag 25 juli 2017}, {@code Tuesday 25 July 2017}): the
 * language's {@code dateFormat} string if its table has one, else the locale's long style.
 * {@code localizedBy} applies the locale's calendar and digits, so {@code fa-IR-u-ca-persian}
 * gives Solar Hijri dates in Persian digits.
 */
public final class DateFormats {
    private final DateTimeFormatter display;
    /**
     * Each date formatted once: an article's date shows on its page and again on every listing that has it
     * (home and topic pages: three or four times per article), and formatting is most of what a DateView costs.
     * Up to a number of dates, so that an archive of 100,000 stories does not hold all of theirs for the build.
     */
    private final java.util.Map<ZonedDateTime, DateView> views = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MOST_REMEMBERED = 20_000;

    public DateFormats(Strings strings) {
        DateTimeFormatter formatter = strings.has("dateFormat") && !strings.get("dateFormat").isBlank()
                ? DateTimeFormatter.ofPattern(strings.get("dateFormat"))
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
        this.display = formatter.localizedBy(strings.locale());
    }

    public DateView view(ZonedDateTime time) {
        DateView view = views.get(time);
        if (view == null) {
            view = new DateView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0)), display.format(time));
            if (views.size() < MOST_REMEMBERED) {
                views.put(time, view);
            }
        }
        return view;
    }
}
