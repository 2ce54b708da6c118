package nl.kindpakket.ledger.api.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users of {@link LedgerSecurityProperties}, their plain passwords hashed once at startup. */
public class ConfiguredUsers implements UserDetailsService {

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    public ConfiguredUsers(LedgerSecurityProperties properties, PasswordEncoder encoder) {
        for (ConfiguredUser user : properties.users()) {
            String hash = user.hasEncodedPassword() ? user.password() : encoder.encode(user.password());
            accounts.put(user.name(), new Account(user.caller(), hash));
        }
    }

    /** A fresh instance every time: Spring Security erases the credentials of the one it authenticated with. */
    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = accounts.get(name);
        if (account == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new LedgerUser(account.caller(), account.passwordHash());
    }

    public int size() {
        return accounts.size();
    }

    private record Account(Caller caller, String passwordHash) {
    }
}
