package nl.kindpakket.ledger.api.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import nl.kindpakket.ledger.core.api.Receipt;

/** The two ways a redemption reaches the ledger during the outage test: the command gateway and HTTP. */
final class OutageClients {

    private OutageClients() {
    }

    /** What one attempt to redeem came to. */
    record Outcome(boolean accepted, String failure, boolean clean) {

        static Outcome success() {
            return new Outcome(true, null, true);
        }

        static Outcome failed(String failure, boolean clean) {
            return new Outcome(false, failure, clean);
        }
    }

    interface Client {
        Outcome redeem(int child, String redemptionId);
    }

    static Client gateway(Town town) {
        return (child, redemptionId) -> {
            try {
                Receipt receipt = town.redeem(child, redemptionId, 1);
                return receipt.repeated() ? Outcome.failed("repeated", false) : Outcome.success();
            } catch (RuntimeException e) {
                return Outcome.failed(StoreFailures.describe(e), StoreFailures.isDatabaseFailure(e));
            }
        };
    }

    /**
     * Over HTTP the clean failures are 503 with {@code Retry-After}: store-unavailable (nothing recorded, retry later), or
     * outcome-unknown where the connection went while the command's writes and commit were on their way (retry with the
     * same identifier, which records it once).
     */
    static Client http(Town town, int port, String user, String password) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://localhost:" + port + "/api/v1/municipalities/" + town.slug() + "/redemptions");
        return (child, redemptionId) -> {
            String body = """
                    {"redemptionId":"%s","passNumber":"%s","providerId":"%s","spendingLine":"%s","amountCents":1,"occurredAt":"%s"}"""
                    .formatted(redemptionId, town.pass(child).value(), Town.POOL.value(), Town.LINE.value(), Town.REDEEMED_AT);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return Outcome.success();
                }
                boolean clean = response.statusCode() == 503 && (response.body().contains("\"store-unavailable\"")
                        || response.body().contains("\"outcome-unknown\""))
                        && response.headers().firstValue("Retry-After").isPresent();
                return Outcome.failed(response.statusCode() + " " + response.body(), clean);
            } catch (Exception e) {
                return Outcome.failed(e.toString(), false);
            }
        };
    }
}
