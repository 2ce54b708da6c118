package nl.kindpakket.ledger.api.store;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Reads the stored events' moments and dates through {@link StoredTimes}, registered after the Java time module:
 * a value in the store's own spelling is read directly, anything else (and any field with a format of its own) by
 * that module's deserializers, as before. Writing is left to the Java time module.
 */
public final class StoredTimesModule extends SimpleModule {

    public StoredTimesModule() {
        super("stored-times");
        addDeserializer(Instant.class, new Direct<>(Instant.class, StoredTimes::instantOrNull, InstantDeserializer.INSTANT));
        addDeserializer(LocalDate.class, new Direct<>(LocalDate.class, StoredTimes::dateOrNull, LocalDateDeserializer.INSTANCE));
    }

    private static final class Direct<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final transient Function<String, T> direct;
        private final JsonDeserializer<T> standard;

        Direct(Class<T> type, Function<String, T> direct, JsonDeserializer<T> standard) {
            super(type);
            this.direct = direct;
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = direct.apply(parser.getText());
                if (value != null) {
                    return value;
                }
            }
            return standard.deserialize(parser, context);
        }

        /** A field with a format of its own (pattern, shape, leniency) gets the standard deserializer made for it. */
        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            if (format == null || format.equals(JsonFormat.Value.empty())) {
                return this;
            }
            return standard instanceof ContextualDeserializer withContext
                    ? withContext.createContextual(context, property) : standard;
        }
    }
}
