package nl.kindpakket.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting);
    private final String hash = encoder.encode("pool-secret");

    @Test
    void a_password_that_matched_once_is_not_checked_with_bcrypt_again() {
        assertThat(encoder.matches("pool-secret", hash)).isTrue();
        assertThat(encoder.matches("pool-secret", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_checked_with_bcrypt_every_time_and_never_remembered() {
        encoder.matches("pool-secret", hash);
        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void a_remembered_password_opens_only_the_hash_it_matched() {
        String otherHash = encoder.encode("other-secret");
        encoder.matches("pool-secret", hash);
        assertThat(encoder.matches("pool-secret", otherHash)).isFalse();
    }
}
