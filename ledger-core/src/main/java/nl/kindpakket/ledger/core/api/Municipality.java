package nl.kindpakket.ledger.core.api;

import java.util.regex.Pattern;

/** A municipality (gemeente), the tenant every record belongs to, by its slug such as {@code westland}. */
public record Municipality(String slug) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public Municipality {
        Text.requireFormat("municipality", slug, SLUG, "a lower-case slug of 2 to 40 characters");
    }

    @Override
    public String toString() {
        return slug;
    }
}
