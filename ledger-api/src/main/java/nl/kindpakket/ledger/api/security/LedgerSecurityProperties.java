package nl.kindpakket.ledger.api.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users for local use and tests, from {@code ledger.security.users[i].{name,password,role,municipality,provider-id}}.
 * Nobody can sign in unless configured here; a wrong entry stops the service at startup.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<ConfiguredUser> users) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConfiguredUser user = users.get(i);
            if (user == null) {
                throw new IllegalArgumentException("ledger.security.users[" + i + "] is empty");
            }
            if (!names.add(user.name())) {
                throw new IllegalArgumentException("ledger.security.users: name " + user.name() + " is configured twice");
            }
        }
    }
}
