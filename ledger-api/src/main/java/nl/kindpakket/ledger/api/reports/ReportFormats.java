package nl.kindpakket.ledger.api.reports;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a link choose a report's format, since a browser following a link sends its own Accept header:
 * {@code ?csv=excel-nl} asks for the Dutch Excel CSV and {@code ?format=xlsx|csv|html|json} for a format.
 * Without either, or for anything but a GET, the Accept header decides, as before.
 */
@Configuration(proxyBeanMethods = false)
class ReportFormats implements WebMvcConfigurer {

    static final String FORMAT = "format";
    static final String CSV_DIALECT = "csv";
    private static final Map<String, MediaType> FORMATS = Map.of(
            "xlsx", ReportResponses.XLSX,
            "csv", ReportResponses.CSV,
            "html", MediaType.TEXT_HTML,
            "json", MediaType.APPLICATION_JSON);

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation.strategies(List.of(new LinkParameters(), new HeaderContentNegotiationStrategy()));
    }

    /** The query parameters that name a format; no opinion when there are none. */
    static final class LinkParameters implements ContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
            // a command's answer is JSON whatever its query says: only a read chooses a format
            if (!(request.getNativeRequest() instanceof HttpServletRequest http) || !"GET".equals(http.getMethod())) {
                return MEDIA_TYPE_ALL_LIST;
            }
            if (request.getParameter(CSV_DIALECT) != null) {
                return List.of(ReportResponses.CSV);
            }
            String format = request.getParameter(FORMAT);
            if (format == null) {
                return MEDIA_TYPE_ALL_LIST;
            }
            MediaType type = FORMATS.get(format);
            if (type == null) {
                throw new HttpMediaTypeNotAcceptableException("format must be one of xlsx, csv, html or json");
            }
            return List.of(type);
        }
    }
}
