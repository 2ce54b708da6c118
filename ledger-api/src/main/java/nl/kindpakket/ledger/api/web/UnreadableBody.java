package nl.kindpakket.ledger.api.web;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Why a request body could not be read, told without Jackson's messages (they name internal classes). */
record UnreadableBody(String detail, String field) {

    static UnreadableBody of(HttpMessageNotReadableException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new UnreadableBody("unknown field " + field, field);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new UnreadableBody(field + " has the wrong type or format", field);
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            String field = dotted(read.getProcessor().getParsingContext().pathAsPointer().toString());
            return new UnreadableBody(field + " is given twice", field);
        }
        if (cause instanceof StreamReadException || cause instanceof JsonProcessingException) {
            return new UnreadableBody("the body is not valid JSON of the expected shape", null);
        }
        return new UnreadableBody("a JSON body is required", null);
    }

    /** A JSON pointer such as /credits/3 as the field name credits.3. */
    private static String dotted(String pointer) {
        return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
    }

    private static String path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
