package nl.kindpakket.ledger.api.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.kindpakket.ledger.api.security.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds the size of a request body before it is read whole: a declared length over the limit is refused
 * (413) without reading a byte, and a body without one stops being read at the limit. The largest legitimate
 * request is an annual reset: 100,000 renewals, each a 64-character childRef, a 32-character pass and credit
 * on five lines, take about 25 MB, so an annual reset may send 32 MiB. Every other request is a single record
 * (a grant names at most 50 lines, about 2 KB), so 64 KiB is ample. Annual resets are read one at a time; one
 * that waits longer than {@code ledger.web.annual-reset-wait} answers 503. Runs after authentication, so only a
 * caller allowed to make the request gets this far.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final long ANNUAL_RESET_BYTES = 32L * 1024 * 1024;
    public static final long OTHER_BYTES = 64L * 1024;
    private static final PathPattern ANNUAL_RESETS =
            PathPatternParser.defaultInstance.parse("/api/v1/municipalities/{m}/annual-resets");

    /** One annual reset read at a time: sixteen at once, each 32 MiB and its renewals, would fill the heap. */
    private final Semaphore largeBodies = new Semaphore(1);
    private final Duration largeBodyWait;

    public RequestSizeLimit(@Value("${ledger.web.annual-reset-wait:10s}") Duration largeBodyWait) {
        this.largeBodyWait = largeBodyWait;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        if (limit == OTHER_BYTES) {
            chain.doFilter(new Limited(request, limit), response);
            return;
        }
        if (!awaitTurn()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(largeBodyWait.toSeconds()));
            ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "another annual reset is being read; send this one again later");
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } finally {
            largeBodies.release();
        }
    }

    private boolean awaitTurn() {
        try {
            return largeBodies.tryAcquire(largeBodyWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "the body is larger than this request allows (" + limit + " bytes)");
    }

    private static long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && ANNUAL_RESETS.matches(PathContainer.parsePath(path))
                ? ANNUAL_RESET_BYTES : OTHER_BYTES;
    }

    /** The request with a body that throws {@link BodyTooLarge} once more than the limit has been read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream(), limit);
            }
            return body;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
