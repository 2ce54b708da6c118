package nl.kindpakket.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kindpakket.ledger.api.lookup.HolderAndRecord;
import nl.kindpakket.ledger.api.lookup.PassHolders;
import nl.kindpakket.ledger.api.lookup.PreparedAnswers;
import nl.kindpakket.ledger.api.lookup.RedemptionRegistry;
import nl.kindpakket.ledger.api.metrics.CommandMetrics;
import nl.kindpakket.ledger.api.web.budget.ExpenditureController;
import nl.kindpakket.ledger.api.web.budget.OverheadCostController;
import nl.kindpakket.ledger.api.web.budget.RefundController;
import nl.kindpakket.ledger.api.web.budget.SpendingLineController;
import nl.kindpakket.ledger.api.web.entitlement.EntitlementCommandController;
import nl.kindpakket.ledger.api.web.provider.ProviderController;
import nl.kindpakket.ledger.api.web.redemption.RedemptionController;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

class CommandEndpointsTest {

    /** 23:30 UTC on 31 January is already 1 February in Amsterdam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-01-31T23:30:00Z"), ZoneOffset.UTC);
    private static final String WESTLAND = "/api/v1/municipalities/westland";
    private static final String GRANT = """
            {"childRef": "child-1", "passNumber": "WP-0001", "credits": {"3": 5000, "1": 2500}, "grantedOn": "2019-01-15"}""";

    final RecordingGateway gateway = new RecordingGateway();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<String, String> passes = new HashMap<>();
    final Map<String, String> redemptions = new HashMap<>();
    final RedemptionRegistry redemptionRegistry = (municipality, id) -> Optional.ofNullable(redemptions.get(municipality + "/" + id));
    final PassHolders passRegistry = (municipality, pass, redemptionId, provider, line) -> new HolderAndRecord(
            Optional.ofNullable(passes.get(municipality + "/" + pass)), redemptionRegistry.entitlementOf(municipality, redemptionId),
            PreparedAnswers.NONE);
    final MockMvc mvc = mvc();

    @Test
    void a_grant_answers_201_with_the_entitlement_and_its_location_and_a_repeat_answers_200_with_the_same_body() throws Exception {
        gateway.answering(command -> Receipt.recorded());
        MvcResult first = send(WESTLAND + "/years/2019/entitlements", GRANT)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/municipalities/westland/years/2019/entitlements/child-1"))
                .andExpect(jsonPath("$.entitlementId").value("westland:2019:child-1"))
                .andExpect(jsonPath("$.credits.3").value(5000))
                .andReturn();
        gateway.answering(command -> Receipt.repeat());
        MvcResult repeat = send(WESTLAND + "/years/2019/entitlements", GRANT).andExpect(status().isOk()).andReturn();

        assertThat(repeat.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        GrantEntitlement grant = gateway.last();
        assertThat(grant.credits()).containsEntry(new SpendingLineCode("1"), nl.kindpakket.ledger.core.api.Money.ofCents(2500));
        assertThat(grant.today()).isEqualTo(LocalDate.of(2019, 2, 1));
    }

    @Test
    void a_redemption_or_reversal_refused_in_the_lookup_before_its_command_is_counted_as_that_commands_refusal() throws Exception {
        send(WESTLAND + "/redemptions", redemption("r-unknown-pass", "zwembad"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.rule").value("unknown-pass"));
        send(WESTLAND + "/redemptions/r-nowhere/reversal", "{\"reason\": \"x\", \"reversedAt\": \"2019-01-20T10:00:00Z\"}")
                .andExpect(status().isNotFound());

        assertThat(gateway.sent).isEmpty();
        assertThat(meters.get(CommandMetrics.COMMANDS).tags("command", "RedeemAtProvider", "outcome", "refused",
                "reason", "unknown-pass").counter().count()).isEqualTo(1);
        assertThat(meters.get(CommandMetrics.COMMANDS).tags("command", "ReverseRedemption", "outcome", "refused",
                "reason", "unknown-redemption").counter().count()).isEqualTo(1);
    }

    @Test
    void a_bsn_like_child_reference_is_refused_before_any_command_is_sent() throws Exception {
        send(WESTLAND + "/years/2019/entitlements", GRANT.replace("child-1", "111222333"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/bsn-like-value"))
                .andExpect(jsonPath("$.field").value("childRef"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("111222333"))));
        send(WESTLAND + "/years/2019/entitlements/111222333/revocation", "{\"reason\": \"moved\", \"effectiveOn\": \"2019-01-20\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/bsn-like-value"));
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void path_variables_are_checked_as_the_value_objects_they_name() throws Exception {
        send("/api/v1/municipalities/West_Land/years/2019/entitlements", GRANT)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("municipality"));
        send(WESTLAND + "/years/1999/entitlements", GRANT)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
        send(WESTLAND + "/years/2019/entitlements/child%201/revocation", "{\"reason\": \"moved\", \"effectiveOn\": \"2019-01-20\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("childRef"));
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void an_allocation_is_dated_today_in_amsterdam_and_names_the_line_by_its_code() throws Exception {
        gateway.answering(command -> Receipt.recorded());
        send(WESTLAND + "/years/2019/spending-lines",
                "{\"code\": \"3\", \"name\": \"Leermiddelen\", \"amountCents\": 1000000, \"allocationId\": \"alloc-1\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("3"))
                .andExpect(jsonPath("$.amountCents").value(1000000));
        AllocateBudget allocation = gateway.last();
        assertThat(allocation.allocatedOn()).isEqualTo(LocalDate.of(2019, 2, 1));

        send(WESTLAND + "/years/2019/spending-lines", "{\"code\": \"3 4\", \"name\": \"x\", \"amountCents\": 1, \"allocationId\": \"a\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("code"));
        send(WESTLAND + "/years/2019/spending-lines", "{\"code\": \"3\", \"name\": \"x\", \"amountCents\": 0, \"allocationId\": \"a\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountCents"));
    }

    @Test
    void a_provider_registration_lists_its_lines_in_order_and_a_suspension_of_an_unknown_provider_is_404() throws Exception {
        gateway.answering(command -> Receipt.recorded());
        send(WESTLAND + "/providers", "{\"providerId\": \"zwembad\", \"name\": \"Zwembad\", \"spendingLines\": [\"3\", \"1\"]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.spendingLines[0]").value("1"));
        RegisterProvider registration = gateway.last();
        assertThat(registration.registeredOn()).isEqualTo(LocalDate.of(2019, 2, 1));

        gateway.answering(command -> {
            throw new AggregateNotFoundException("westland:ghost", "not found");
        });
        send(WESTLAND + "/providers/ghost/suspension", "{\"reason\": \"fraud\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/unknown-provider"));
    }

    @Test
    void budget_year_records_of_a_year_without_budget_are_404() throws Exception {
        gateway.answering(command -> {
            throw new AggregateNotFoundException("westland:2019", "not found");
        });
        send(WESTLAND + "/years/2019/expenditures", "{\"expenditureId\": \"e-1\", \"organisation\": \"Leergeld\","
                + " \"spendingLine\": \"3\", \"amountCents\": 100, \"spentOn\": \"2019-01-10\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/unknown-budget-year"));
        send(WESTLAND + "/years/2019/refunds", "{\"refundId\": \"r-1\", \"organisation\": \"Leergeld\","
                + " \"spendingLine\": \"3\", \"amountCents\": 100, \"refundedOn\": \"2019-01-10\", \"returnedTo\": \"general\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void an_overhead_cost_takes_fte_as_a_json_number_with_two_decimals() throws Exception {
        gateway.answering(command -> Receipt.recorded());
        send(WESTLAND + "/years/2019/overhead-costs", "{\"costId\": \"c-1\", \"organisation\": \"WestlandPas\","
                + " \"task\": \"passes\", \"amountCents\": 120000, \"fte\": 0.5, \"incurredOn\": \"2019-01-10\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fte").value(0.5));
        RecordOverheadCost cost = gateway.last();
        assertThat(cost.fte()).isEqualTo(new BigDecimal("0.50"));
        send(WESTLAND + "/years/2019/overhead-costs", "{\"costId\": \"c-1\", \"organisation\": \"WestlandPas\","
                + " \"task\": \"passes\", \"amountCents\": 120000, \"fte\": 0.125, \"incurredOn\": \"2019-01-10\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("fte"));
    }

    @Test
    void a_redemption_finds_its_entitlement_by_pass_and_answers_the_balance_left_on_the_line() throws Exception {
        passes.put("westland/WP-0001", "westland:2019:child-1");
        gateway.answering(command -> Receipt.recorded(4000));
        send(WESTLAND + "/redemptions", redemption("r-1", "zwembad"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.entitlementId").value("westland:2019:child-1"))
                .andExpect(jsonPath("$.lineBalanceAfterCents").value(4000))
                .andExpect(jsonPath("$.occurredAt").value("2019-01-20T10:00:00Z"));
        RedeemAtProvider redeem = gateway.last();
        assertThat(redeem.recordedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void a_redemption_with_an_unknown_pass_is_refused_by_rule() throws Exception {
        send(WESTLAND + "/redemptions", redemption("r-1", "zwembad"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/unknown-pass"));
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void a_redemption_goes_to_the_entitlement_its_identifier_went_to_where_the_request_log_decides_on_it() throws Exception {
        passes.put("westland/WP-0001", "westland:2019:child-1");
        redemptions.put("westland/r-1", "westland:2019:child-2");
        gateway.answering(command -> Receipt.recorded(1_000));
        send(WESTLAND + "/redemptions", redemption("r-1", "zwembad")).andExpect(status().isCreated());
        RedeemAtProvider sent = gateway.last();
        assertThat(sent.entitlement().toString()).isEqualTo("westland:2019:child-2");
    }

    @Test
    void a_reversal_goes_to_the_redemptions_entitlement_and_an_unknown_redemption_is_404() throws Exception {
        send(WESTLAND + "/redemptions/r-9/reversal", "{\"reason\": \"wrong amount\", \"reversedAt\": \"2019-01-21T10:00:00Z\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/unknown-redemption"));

        redemptions.put("westland/r-1", "westland:2019:child-1");
        gateway.answering(command -> Receipt.recorded(5000));
        send(WESTLAND + "/redemptions/r-1/reversal", "{\"reason\": \"wrong amount\", \"reversedAt\": \"2019-01-21T10:00:00Z\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/years/2019/entitlements/child-1")))
                .andExpect(jsonPath("$.entitlementId").value("westland:2019:child-1"))
                .andExpect(jsonPath("$.lineBalanceAfterCents").value(5000));
    }

    @Test
    void a_missing_or_wrongly_typed_field_names_the_field() throws Exception {
        passes.put("westland/WP-0001", "westland:2019:child-1");
        send(WESTLAND + "/redemptions", redemption("r-1", "zwembad").replace("\"amountCents\": 1000,", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountCents"));
        send(WESTLAND + "/redemptions", redemption("r-1", "zwembad").replace("2019-01-20T10:00:00Z", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("occurredAt"));
        send(WESTLAND + "/years/2019/entitlements", GRANT.replace("5000", "50.5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("credits.3"));
        assertThat(gateway.sent).isEmpty();
    }

    static String redemption(String redemptionId, String providerId) {
        return """
                {"redemptionId": "%s", "passNumber": "WP-0001", "providerId": "%s", "spendingLine": "3",
                 "amountCents": 1000, "occurredAt": "2019-01-20T10:00:00Z"}""".formatted(redemptionId, providerId);
    }

    private ResultActions send(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MockMvc mvc() {
        LedgerCommands commands = new LedgerCommands(gateway, new CommandMetrics(meters));
        BusinessClock clock = new BusinessClock(CLOCK);
        return StandaloneMvc.of(
                new SpendingLineController(commands, clock),
                new ExpenditureController(commands, clock),
                new OverheadCostController(commands, clock),
                new RefundController(commands, clock),
                new ProviderController(commands, clock),
                new EntitlementCommandController(commands, clock),
                new RedemptionController(commands, passRegistry, redemptionRegistry, clock));
    }
}
