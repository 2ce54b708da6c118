package nl.kindpakket.ledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic checks the password on every request, and BCrypt makes each check cost tens of milliseconds
 * of CPU: a stateless API would be limited to a few dozen requests per second per core. A password that
 * matched once is remembered as a keyed hash (the key lives only in this process, the password itself is
 * never kept), so later requests skip BCrypt. A failed check is never remembered: guessing stays slow.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    static final int MAX_REMEMBERED = 10_000;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    /** One initialised MAC per request thread: looking one up and keying it for every request showed in the profile. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String remembered = encodedPassword + '\n' + keyedHash(rawPassword);
        if (verified.contains(remembered)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.add(remembered);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String keyedHash(CharSequence rawPassword) {
        // doFinal leaves the MAC reset, keyed, for the next password
        return Base64.getEncoder().encodeToString(macs.get().doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", impossible);
        }
    }
}
