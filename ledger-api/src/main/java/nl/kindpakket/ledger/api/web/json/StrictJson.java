package nl.kindpakket.ledger.api.web.json;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;

/**
 * How the web reads a request body: every value must already have the type its field has. A number is not a
 * string, 12.7 is not 12, "250" is not 250, an epoch number is not a moment, a date-time is not a date, and a
 * key given twice is not "the last one wins". Only the web's mapper is set so; stored events keep their own.
 */
@Component
public class StrictJson implements Jackson2ObjectMapperBuilderCustomizer {

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        apply(builder);
    }

    /** Also for tests that build a web mapper of their own. */
    public static Jackson2ObjectMapperBuilder apply(Jackson2ObjectMapperBuilder builder) {
        return builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .deserializerByType(LocalDate.class, new IsoDate())
                .deserializerByType(Instant.class, new IsoMoment())
                .postConfigurer(StrictJson::refuseCoercions);
    }

    private static void refuseCoercions(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                    CoercionInputShape.EmptyString}) {
                if (!shape.equals(natural(type))) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
    }

    /** The shape a JSON value of the type has without any coercion; an integer is also a natural decimal number. */
    private static CoercionInputShape natural(LogicalType type) {
        return switch (type) {
            case Textual -> CoercionInputShape.String;
            case Integer, Float -> CoercionInputShape.Integer;
            default -> CoercionInputShape.Boolean;
        };
    }
}
