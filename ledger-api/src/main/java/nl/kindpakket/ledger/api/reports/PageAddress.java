package nl.kindpakket.ledger.api.reports;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The address of the page being answered, relative to the service, with its query as the caller sent it but for the
 * parameters that choose a format: the base of a page's links to its next page and to its downloads.
 */
final class PageAddress {

    private final String path;
    private final String query;

    private PageAddress(String path, String query) {
        this.path = path;
        this.query = query;
    }

    static PageAddress of(HttpServletRequest request) {
        String query = UriComponentsBuilder.newInstance().query(request.getQueryString())
                .replaceQueryParam(ReportFormats.FORMAT).replaceQueryParam(ReportFormats.CSV_DIALECT)
                .build().getQuery();
        return new PageAddress(request.getRequestURI(), query);
    }

    /** This address with one parameter set to a value (encoded here), replacing any it had. */
    String with(String name, String value) {
        return UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam(name, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
                .build().toUriString();
    }

    /** A parameter's value as sent (still encoded), if the query has it. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name));
    }
}
