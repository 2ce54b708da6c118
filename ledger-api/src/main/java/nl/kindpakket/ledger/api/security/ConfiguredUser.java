package nl.kindpakket.ledger.api.security;

import java.util.regex.Pattern;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;

/**
 * One configured user. The password is plain text (hashed with BCrypt at startup) or an encoded
 * {@code {bcrypt}...} hash. Every role but OPERATOR is bound to one municipality; an operator spans
 * all ({@code *}) and nothing else. A provider names its provider-id.
 */
public record ConfiguredUser(String name, String password, Role role, String municipality, String providerId) {

    static final String BCRYPT_PREFIX = "{bcrypt}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    public ConfiguredUser {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid(name, "name must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.isBlank()) {
            throw invalid(name, "password is required");
        }
        if (password.startsWith("{") && !isEncoded(password)) {
            throw invalid(name, "password must be plain text or {bcrypt} followed by a BCrypt hash");
        }
        if (role == null) {
            throw invalid(name, "role is required, one of MUNICIPALITY_STAFF, PROVIDER, AUDITOR, COUNCIL, INTEGRATOR, OPERATOR");
        }
        checkMunicipality(name, role, municipality);
        checkProvider(name, role, providerId);
    }

    public boolean hasEncodedPassword() {
        return isEncoded(password);
    }

    public Caller caller() {
        return new Caller(name, role, municipality, providerId);
    }

    @Override
    public String toString() {
        return "ConfiguredUser[name=" + name + ", role=" + role + ", municipality=" + municipality + ", providerId=" + providerId + "]";
    }

    private static boolean isEncoded(String password) {
        return password.startsWith(BCRYPT_PREFIX) && BCRYPT_HASH.matcher(password.substring(BCRYPT_PREFIX.length())).matches();
    }

    private static void checkMunicipality(String name, Role role, String municipality) {
        if (municipality == null || municipality.isBlank()) {
            throw invalid(name, role == Role.OPERATOR ? "municipality is required: an OPERATOR has *"
                    : "municipality is required");
        }
        if (Caller.ALL_MUNICIPALITIES.equals(municipality)) {
            if (role != Role.OPERATOR) {
                throw invalid(name, "only an OPERATOR may span all municipalities (*)");
            }
            return;
        }
        if (role == Role.OPERATOR) {
            // rebuilds and metrics are the whole service's: an operator of one municipality would see all of them
            throw invalid(name, "an OPERATOR spans all municipalities: municipality must be *");
        }
        try {
            new Municipality(municipality);
        } catch (LedgerRefusal refused) {
            throw invalid(name, refused.getMessage());
        }
    }

    private static void checkProvider(String name, Role role, String providerId) {
        if (role != Role.PROVIDER) {
            if (providerId != null) {
                throw invalid(name, "provider-id is only for a PROVIDER");
            }
            return;
        }
        if (providerId == null) {
            throw invalid(name, "a PROVIDER requires provider-id");
        }
        try {
            new ProviderId(providerId);
        } catch (LedgerRefusal refused) {
            throw invalid(name, refused.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException("ledger.security.users (name " + name + "): " + problem);
    }
}
