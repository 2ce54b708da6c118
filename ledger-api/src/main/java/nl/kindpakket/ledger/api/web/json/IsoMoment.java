package nl.kindpakket.ledger.api.web.json;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/** A moment only as an ISO 8601 date-time with its offset, such as 2019-03-14T10:15:00Z: no epoch numbers. */
final class IsoMoment extends StdScalarDeserializer<Instant> {

    IsoMoment() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notAMoment) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not a date-time with an offset, such as 2019-03-14T10:15:00Z");
        }
    }
}
