package nl.kindpakket.ledger.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Why a request body could not be read, told without Jackson's messages (they name internal classes). */
record UnreadableBody(String detail, String field) {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    static UnreadableBody of(HttpMessageNotReadableException failure) {
        Throwable cause = failure.getCause();
        // a duplicate key inside an object is reported wrapped in the mapping failure of the field holding it
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getProcessor() != null
                    && read.getOriginalMessage().startsWith("Duplicate field")) {
                String field = duplicated(read);
                return new UnreadableBody(field + " is given twice", field);
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new UnreadableBody("unknown field " + field, field);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return new UnreadableBody(field + " has the wrong type or format", field);
        }
        if (cause instanceof StreamReadException || cause instanceof JsonProcessingException) {
            return new UnreadableBody("the body is not valid JSON of the expected shape", null);
        }
        return new UnreadableBody("a JSON body is required", null);
    }

    /** The duplicated key with the path to it, such as credits.3: the parser may already stand in the enclosing object. */
    private static String duplicated(StreamReadException failure) {
        String pointer = failure.getProcessor().getParsingContext().pathAsPointer().toString();
        String path = pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
        Matcher name = DUPLICATE.matcher(failure.getOriginalMessage());
        if (!name.find() || path.equals(name.group(1)) || path.endsWith("." + name.group(1))) {
            return path;
        }
        return path.isEmpty() ? name.group(1) : path + "." + name.group(1);
    }

    private static String path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
