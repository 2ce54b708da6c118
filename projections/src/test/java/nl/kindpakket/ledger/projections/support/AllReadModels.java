package nl.kindpakket.ledger.projections.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.entitlement.EntitlementView;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadReport;
import nl.kindpakket.ledger.projections.provider.ProviderStatementQueries;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport;
import nl.kindpakket.ledger.projections.spending.JournalQueries;
import nl.kindpakket.ledger.projections.spending.JournalQuery;
import nl.kindpakket.ledger.projections.spending.SpendingLineJournal;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;

/** The read models on one database, fed a combined history, and every report they give of it. */
public final class AllReadModels {

    private final ProjectionDatabase database;
    private final List<ReadModel> projections = ReadModels.all();
    private final MonthlyPassQueries monthly;
    private final SpendingLineQueries spending;
    private final OverheadQueries overhead;
    private final ProviderStatementQueries providers;
    private final EntitlementViewQueries entitlements;
    private final JournalQueries journals;

    public AllReadModels(ProjectionDatabase database) {
        this.database = database;
        this.monthly = new MonthlyPassQueries(database.jdbc());
        this.spending = new SpendingLineQueries(database.jdbc());
        this.overhead = new OverheadQueries(database.jdbc());
        this.providers = new ProviderStatementQueries(database.jdbc());
        this.entitlements = database.entitlementViews();
        this.journals = new JournalQueries(database.jdbc());
    }

    /** Westland's passes 2018-2019 and preventive tasks, Enschede's spending lines 2020 and Dordrecht's bookings. */
    public static List<LedgerEvent> history() {
        LedgerStory providers = new LedgerStory("westland");
        providers.provider("zwembad-de-waterman", "Zwembad De Waterman", List.of("1"));
        providers.provider("vv-naaldwijk", "VV Naaldwijk", List.of("1"));
        return Stream.of(providers.events(), WestlandMemo.history(), WestlandTasks.story().events(),
                        new EnschedeProposal().year2020().year2021().story().events(),
                        DordrechtBookings.wholeStory().events())
                .flatMap(List::stream)
                .toList();
    }

    public void feed(List<LedgerEvent> events) {
        database.feedAll(projections, events);
    }

    public void resetAll() {
        database.reset(projections);
    }

    public Reports reports() {
        return new Reports(
                monthly.report("westland", 2018), monthly.report("westland", 2019),
                spending.report("enschede", 2020), spending.report("enschede", 2021),
                spending.report("westland", 2019),
                overhead.report("westland", 2019), overhead.report("enschede", 2020),
                providers.forYear("westland", 2018), providers.forYear("westland", 2019),
                Stream.of("kind-00001", "kind-00002", "kind-00500", "kind-01000", "kind-01100")
                        .flatMap(child -> Stream.of(entitlements.find("westland", 2018, child),
                                entitlements.find("westland", 2019, child)))
                        .flatMap(Optional::stream)
                        .toList(),
                Stream.of("kind-07", "kind-39", "kind-40")
                        .flatMap(child -> entitlements.find("enschede", 2020, child).stream())
                        .toList(),
                monthly.report(DordrechtBookings.MUNICIPALITY, 2020),
                spending.report(DordrechtBookings.MUNICIPALITY, 2020),
                providers.forYear(DordrechtBookings.MUNICIPALITY, 2020),
                Stream.of("kind-1", "kind-2", "kind-3", "kind-4", "kind-5")
                        .flatMap(child -> entitlements.find(DordrechtBookings.MUNICIPALITY, 2020, child).stream())
                        .toList(),
                enschedeJournals());
    }

    /** Every line's whole journal of 2020, and two pages of one provider's postings from April on. */
    private List<SpendingLineJournal> enschedeJournals() {
        List<SpendingLineJournal> pages = new ArrayList<>();
        Stream.of("1", "2", "3", "4").forEach(line -> journals.page(JournalQuery.wholeLine("enschede", 2020, line))
                .ifPresent(pages::add));
        JournalQuery zeeman = new JournalQuery("enschede", 2020, "1", LocalDate.of(2020, 4, 1), null, "zeeman", null, null,
                JournalQuery.START, 5);
        journals.page(zeeman).ifPresent(first -> {
            pages.add(first);
            journals.page(zeeman.after(first.next())).ifPresent(pages::add);
        });
        return pages;
    }

    /** Every figure the read models give of the history, comparable field by field. */
    public record Reports(
            MonthlyPassReport westland2018,
            MonthlyPassReport westland2019,
            SpendingLineReport enschede2020,
            SpendingLineReport enschede2021,
            SpendingLineReport westlandSpending2019,
            OverheadReport westlandOverhead2019,
            OverheadReport enschedeOverhead2020,
            ProviderStatementReport westlandProviders2018,
            ProviderStatementReport westlandProviders2019,
            List<EntitlementView> westlandChildren,
            List<EntitlementView> enschedeChildren,
            MonthlyPassReport dordrecht2020,
            SpendingLineReport dordrechtSpending2020,
            ProviderStatementReport dordrechtProviders2020,
            List<EntitlementView> dordrechtChildren,
            List<SpendingLineJournal> enschedeJournals
    ) {
    }
}
