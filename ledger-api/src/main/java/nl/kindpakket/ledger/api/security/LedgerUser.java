package nl.kindpakket.ledger.api.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured user signed in with HTTP Basic. */
public class LedgerUser extends User implements CallerPrincipal {

    private final Caller caller;

    public LedgerUser(Caller caller, String encodedPassword) {
        super(caller.name(), encodedPassword, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
    }

    @Override
    public Caller caller() {
        return caller;
    }
}
