package nl.kindpakket.ledger.api.lookup;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The years a municipality has a budget for: every year with an allocation, newest first. */
@Component
public class BudgetYears {

    private final JdbcTemplate jdbc;

    public BudgetYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Integer> of(String municipality) {
        return jdbc.queryForList("select budget_year from budget_year_state where municipality = ? order by budget_year desc",
                Integer.class, municipality);
    }
}
