package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A command's answer, accepted or refused, goes out whole with its length; reads still stream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WholeAnswersOverHttpTest {

    @LocalServerPort
    int port;

    @Test
    void an_accepted_and_a_refused_redemption_are_answered_with_their_length_and_a_read_is_streamed() {
        LedgerHttp http = new LedgerHttp(port);
        Testville testville = new Testville(http).withBudgetAndProviders();
        Child child = testville.grant("whole", "{\"3\": 1000}");

        Answer accepted = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("w1"), child, "zwembad", "3", 400));
        Answer refused = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("w2"), child, "zwembad", "3", 5000));
        Answer read = http.get("integrator", "/api/v1/events?municipality=" + Testville.MUNICIPALITY + "&limit=5");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        for (Answer answer : new Answer[] {accepted, refused}) {
            assertThat(answer.headers().firstValue("Transfer-Encoding")).as(answer.toString()).isEmpty();
            assertThat(answer.headers().firstValueAsLong("Content-Length")).as(answer.toString())
                    .hasValue(answer.body().getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.headers().firstValue("Transfer-Encoding")).as("the event stream, streamed").hasValue("chunked");
    }
}
