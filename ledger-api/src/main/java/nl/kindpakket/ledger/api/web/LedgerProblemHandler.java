package nl.kindpakket.ledger.api.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import nl.kindpakket.ledger.api.security.NotOwnProvider;
import nl.kindpakket.ledger.api.security.PrivatePaths;
import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of a request becomes an application/problem+json answer with a stable type; nothing internal leaks. */
@RestControllerAdvice
public class LedgerProblemHandler extends ResponseEntityExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "5";
    /** A race is over in milliseconds; the pause only spreads the retries of clients that lost it together. */
    static final String RETRY_AFTER_RACE_SECONDS = "1";
    private static final Logger log = LoggerFactory.getLogger(LedgerProblemHandler.class);
    private static final Map<LedgerRefusal.Kind, HttpStatus> STATUS_BY_KIND = Map.of(
            LedgerRefusal.Kind.INVALID, HttpStatus.BAD_REQUEST,
            LedgerRefusal.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            LedgerRefusal.Kind.CONFLICT, HttpStatus.CONFLICT,
            LedgerRefusal.Kind.RULE, HttpStatus.UNPROCESSABLE_ENTITY);

    @ExceptionHandler(LedgerRefusal.class)
    ResponseEntity<Object> refused(LedgerRefusal refusal, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(STATUS_BY_KIND.get(refusal.kind()), refusal.type(), refusal.getMessage());
        if (refusal instanceof InvalidInput invalid) {
            problem.setProperty("field", invalid.field());
        } else if (refusal instanceof BsnLikeValue bsnLike) {
            problem.setProperty("field", bsnLike.field());
        }
        return answer(problem, request);
    }

    @ExceptionHandler(NotOwnProvider.class)
    ResponseEntity<Object> notOwnProvider(NotOwnProvider refusal, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, NotOwnProvider.TYPE, refusal.getMessage()), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException denied, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your role may not do this"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception failure, HttpServletRequest request) {
        var refusal = FailureCause.refusal(failure);
        if (refusal.isPresent()) {
            return refused(refusal.get(), request);
        }
        var tooLarge = FailureCause.bodyTooLarge(failure);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), PrivatePaths.instanceOf(request.getRequestURI()));
        }
        if (FailureCause.isMissingAggregate(failure)) {
            return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such resource"), request);
        }
        if (FailureCause.isLostRace(failure)) {
            log.warn("Lost a race with concurrent changes of the same record: {}", failure.toString());
            return unavailable(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "the same record kept changing under this request; nothing was recorded, retry after Retry-After seconds"),
                    request, RETRY_AFTER_RACE_SECONDS);
        }
        if (FailureCause.isCommitOutcomeUnknown(failure)) {
            log.warn("Connection to the store lost while committing", failure);
            return unavailable(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown",
                    "the connection to the ledger's store was lost while the change was committed, so it may or may not "
                            + "be recorded; send the same request again, with the same identifier, to learn which"), request);
        }
        if (FailureCause.isStoreUnavailable(failure)) {
            log.warn("Event store unavailable", failure);
            return unavailable(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "the ledger's store cannot be reached; nothing was recorded, retry later"), request);
        }
        log.error("Request failed unexpectedly", failure);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the ledger could not handle this request; the failure was logged"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = FailureCause.bodyTooLarge(failure);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), instanceOf(request));
        }
        UnreadableBody unreadable = UnreadableBody.of(failure);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", unreadable.detail());
        if (unreadable.field() != null) {
            problem.setProperty("field", unreadable.field());
        }
        return answer(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = failure instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : failure.getPropertyName();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", field + " has the wrong format");
        problem.setProperty("field", field);
        return answer(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such resource"), request);
    }

    /** Spring's own problems (405, 406, 415, ...) get a ledger type for their status instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(failure, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            Problems.typed(problem, StatusRules.of(status));
            problem.setInstance(instanceOf(request));
        }
        return answer;
    }

    /** 503 with the time after which a retry may succeed. */
    private static ResponseEntity<Object> unavailable(ProblemDetail problem, HttpServletRequest request) {
        return unavailable(problem, request, RETRY_AFTER_SECONDS);
    }

    private static ResponseEntity<Object> unavailable(ProblemDetail problem, HttpServletRequest request, String retryAfterSeconds) {
        problem.setInstance(PrivatePaths.instanceOf(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(problem);
    }

    /** The rest of the body is not read: the connection is closed after the answer. */
    private static ResponseEntity<Object> tooLarge(BodyTooLarge failure, URI instance) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", failure.getMessage());
        problem.setInstance(instance);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close").body(problem);
    }

    /** Spring would echo the raw request path as the instance; a BSN-like segment in it is masked first. */
    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(PrivatePaths.instanceOf(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, WebRequest request) {
        problem.setInstance(instanceOf(request));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static URI instanceOf(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? PrivatePaths.instanceOf(servlet.getRequest().getRequestURI())
                : URI.create("/");
    }
}
