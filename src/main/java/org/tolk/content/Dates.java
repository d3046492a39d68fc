package org.tolk.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses front-matter dates: the one place that decides which forms are accepted and what they mean. */
public final class Dates {
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    // STRICT with 'uuuu' so that 2017-02-30 is rejected instead of quietly becoming 2017-02-28.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The outcome of parsing: a time, or a message saying what is wrong. */
    public record Parsed(Optional<ZonedDateTime> value, String error) {
    }

    /**
     * Parses an ISO-8601 date ({@code 2017-07-25}) or date-time ({@code 2017-07-25T01:03}, {@code …:00+02:00}).
     * A date without an offset is read in the site's time zone, because that is where the newsroom
     * wrote it; a date alone means the start of that day there.
     */
    public static Parsed parse(String text, ZoneId zone) {
        String value = text.trim();
        if (!SHAPE.matcher(value).matches()) {
            return new Parsed(Optional.empty(), "'" + value + "' is not a date; write it as 2017-07-25 or 2017-07-25T01:03:00+02:00");
        }
        try {
            if (value.length() == 10) {
                return ok(LocalDate.parse(value, DATE).atStartOfDay(zone));
            }
            var parsed = DATE_TIME.parse(value);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                OffsetDateTime offset = OffsetDateTime.of(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
                return ok(offset.atZoneSameInstant(zone));
            }
            return ok(local.atZone(zone));
        } catch (DateTimeParseException e) {
            return new Parsed(Optional.empty(), "date '" + value + "' does not exist (" + reason(e) + ")");
        } catch (DateTimeException e) {
            return new Parsed(Optional.empty(), "date '" + value + "' does not exist (" + e.getMessage() + ")");
        }
    }

    private static Parsed ok(ZonedDateTime time) {
        return new Parsed(Optional.of(time), null);
    }

    private static String reason(DateTimeParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        int colon = message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }
}
