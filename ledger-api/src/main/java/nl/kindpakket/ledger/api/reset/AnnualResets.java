package nl.kindpakket.ledger.api.reset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.ChildRef;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.api.refusals.YearClosedByAnotherReset;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts annual resets. The request is validated whole, kept with its renewals and the year closed in
 * one transaction; the job then runs in the background. The same request again returns the same job.
 */
@Service
public class AnnualResets {

    private static final long MAX_CREDIT_CENTS = 1_000_000L;

    private final ResetJobStore jobs;
    private final AnnualResetRunner runner;
    private final CommandGateway commands;
    private final BudgetYearLookup budgetYears;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AnnualResets(ResetJobStore jobs, AnnualResetRunner runner, CommandGateway commands, BudgetYearLookup budgetYears,
            TransactionTemplate transaction, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.commands = commands;
        this.budgetYears = budgetYears;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a submission gives back: the job, and whether this request started it. */
    public record Submission(ResetJobStatus job, boolean started) {
    }

    /**
     * Records the job and starts it; the same request again answers the job. Of two submissions racing to record it
     * (two instances), the loser's transaction fails on the job's key and is submitted once more, as the repeat it is.
     */
    public Submission submit(Municipality municipality, AnnualResetRequest request) {
        try {
            return submitOnce(municipality, request);
        } catch (RuntimeException raced) {
            if (!StoreConflict.in(raced)) {
                throw raced;
            }
            return submitOnce(municipality, request);
        }
    }

    private Submission submitOnce(Municipality municipality, AnnualResetRequest request) {
        int fromYear = Years.require("fromYear", present("fromYear", request.fromYear()));
        int toYear = Years.require("toYear", present("toYear", request.toYear()));
        Years.requireDate("effectiveOn", request.effectiveOn());
        List<Renewal> renewals = validate(request.renewals());
        requireLinesExist(municipality, toYear, renewals);
        String digest = digest(fromYear, toYear, request, renewals);
        String jobId = municipality.slug() + "-" + fromYear + "-" + toYear;

        var known = jobs.digestOf(jobId);
        if (known.isPresent()) {
            if (!known.get().equals(digest)) {
                throw new YearClosedByAnotherReset(municipality.slug() + ":" + fromYear);
            }
            jobs.resume(jobId);
            runner.start(jobId);
            return new Submission(jobs.find(jobId).orElseThrow(), false);
        }
        Instant now = clock.instant();
        ResetJobStatus job = new ResetJobStatus(jobId, municipality.slug(), fromYear, toYear, request.effectiveOn(),
                "RUNNING", "EXPIRING", null, null, null, 0, List.of(), now, now, null, null);
        CommitOutcomeUnknown.inTransaction(transaction, () -> {
            jobs.insert(job, digest, renewals);
            commands.sendAndWait(new AnnualReset(municipality, fromYear, toYear, request.effectiveOn(),
                    renewals.size(), digest, jobId));
        });
        runner.start(jobId);
        return new Submission(jobs.find(jobId).orElseThrow(), true);
    }

    public java.util.Optional<ResetJobStatus> status(Municipality municipality, String jobId) {
        return jobs.find(municipality.slug(), jobId);
    }

    private static List<Renewal> validate(List<AnnualResetRequest.Renewal> requested) {
        List<Renewal> renewals = new ArrayList<>();
        Set<String> children = new HashSet<>();
        Set<String> passes = new HashSet<>();
        List<AnnualResetRequest.Renewal> list = requested == null ? List.of() : requested;
        for (int i = 0; i < list.size(); i++) {
            AnnualResetRequest.Renewal r = list.get(i);
            String at = "renewals[" + i + "]";
            if (r == null) {
                throw new InvalidInput(at, "is required");
            }
            ChildRef child = within(at, () -> new ChildRef(r.childRef()));
            PassNumber pass = within(at, () -> new PassNumber(r.passNumber()));
            if (!children.add(child.value())) {
                throw new InvalidInput(at + ".childRef", "appears twice in the renewals");
            }
            if (!passes.add(pass.value())) {
                throw new InvalidInput(at + ".passNumber", "appears twice in the renewals");
            }
            renewals.add(new Renewal(i, child, pass, credits(at, r.credits())));
        }
        return renewals;
    }

    private static SortedMap<String, Long> credits(String at, java.util.Map<String, Long> credits) {
        if (credits == null || credits.isEmpty()) {
            throw new InvalidInput(at + ".credits", "must name at least one spending line");
        }
        SortedMap<String, Long> sorted = new TreeMap<>();
        credits.forEach((line, cents) -> {
            String code = within(at, () -> new SpendingLineCode(line)).value();
            sorted.put(code, within(at, () -> Money.of("credits." + code, cents == null ? 0 : cents, MAX_CREDIT_CENTS)).cents());
        });
        return sorted;
    }

    private void requireLinesExist(Municipality municipality, int toYear, List<Renewal> renewals) {
        renewals.stream().flatMap(r -> r.creditCents().keySet().stream()).distinct()
                .filter(line -> !budgetYears.lineExists(municipality.slug(), toYear, line))
                .findFirst()
                .ifPresent(line -> {
                    throw new UnknownSpendingLine(line + " in " + toYear);
                });
    }

    private static String digest(int fromYear, int toYear, AnnualResetRequest request, List<Renewal> renewals) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((fromYear + "|" + toYear + "|" + request.effectiveOn()).getBytes(StandardCharsets.UTF_8));
            renewals.stream()
                    .map(r -> "|" + r.childRef().value() + "," + r.passNumber().value() + "," + r.encodedCredits())
                    .sorted()
                    .forEach(line -> sha.update(line.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }

    /** Prefixes a field error with the renewal's position, so a client finds it in a list of 100,000. */
    private static <T> T within(String at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInput e) {
            throw new InvalidInput(at + "." + e.field(), e.getMessage().substring(e.field().length() + 1));
        } catch (LedgerRefusal e) {
            throw e;
        }
    }
}
