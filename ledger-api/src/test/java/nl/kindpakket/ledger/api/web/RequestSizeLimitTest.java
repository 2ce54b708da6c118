package nl.kindpakket.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitTest {

    private static final String RESETS = "/api/v1/municipalities/westland/annual-resets";

    private final RequestSizeLimit limit = new RequestSizeLimit(Duration.ofMillis(200));

    @Test
    void a_body_declared_over_the_limit_is_refused_without_being_passed_on() throws Exception {
        AtomicBoolean passedOn = new AtomicBoolean();
        MockHttpServletRequest request = post("/api/v1/municipalities/westland/redemptions", RequestSizeLimit.OTHER_BYTES + 1);
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, (req, res) -> passedOn.set(true));

        assertThat(passedOn).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"rule\":\"payload-too-large\"");
    }

    @Test
    void an_annual_reset_may_be_larger_but_only_one_is_read_at_a_time() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slowReader = (req, res) -> {
            reading.countDown();
            await(finish);
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> filter(post(RESETS, 10_000_000), slowReader));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = filter(post(RESETS, 10_000_000), (req, res) -> { });
        finish.countDown();
        first.get(5, TimeUnit.SECONDS);
        AtomicBoolean passedOn = new AtomicBoolean();
        filter(post(RESETS, 10_000_000), (req, res) -> passedOn.set(true));

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isNotNull();
        assertThat(second.getContentAsString()).contains("\"rule\":\"busy\"");
        assertThat(passedOn).as("the next one once the first is done").isTrue();
    }

    private MockHttpServletResponse filter(MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            limit.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static MockHttpServletRequest post(String path, long declaredLength) {
        return new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return declaredLength;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
