package nl.kindpakket.ledger.api.reports;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pages name a municipality, from {@code ledger.municipality-names.<slug>} ("Gemeente Westland" for
 * {@code westland}); a municipality without one is named "Gemeente" and its slug.
 */
@ConfigurationProperties("ledger")
public record MunicipalityNames(Map<String, String> municipalityNames) {

    public MunicipalityNames {
        municipalityNames = municipalityNames == null ? Map.of() : Map.copyOf(municipalityNames);
    }

    public String of(String slug) {
        String name = municipalityNames.get(slug);
        return name == null || name.isBlank() ? "Gemeente " + slug : name;
    }
}
