package nl.kindpakket.ledger.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sends the answer to a command (any request but GET and HEAD) whole, with its length. The JSON writer flushes
 * when it is done, which commits the response before its length is known: it went out chunked, its headers and body
 * in one write to the socket and the closing chunk in a second, for every redemption at a till (7 December, traced).
 * A command's answer is a small document, so it is held until the handler is done and then sent at once with
 * {@code Content-Length}. Reads, which include the event stream and the report downloads, stream as before.
 */
@Component
public class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            held.copyBodyToResponse();
        }
    }
}
