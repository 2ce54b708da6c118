package nl.kindpakket.ledger.api.security;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic and, when an identity provider's key set is configured, OpenID Connect bearer tokens, for an API:
 * stateless, no CSRF (no cookies), every request decided by the {@link AccessPolicy} but health.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, BasicSignIn basic, JwtClaimNames claims,
            ObjectProvider<JwtDecoder> tokens) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(basic.enabled());
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HealthPaths::matches).permitAll()
                        .anyRequest().access(new PolicyAuthorizationManager(new AccessPolicy())));
        if (basic.enabled()) {
            http.httpBasic(signIn -> signIn.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(unauthenticated));
        }
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            BearerTokens.configure(http, decoder, claims);
        }
        return http.build();
    }

    /**
     * Spring Security observes nothing: the request and command metrics say what an operator needs. Turned off by a
     * predicate instead, each filter of the chain was still wrapped in an observation of its own on every request,
     * started and stopped as a no-op (about 2% of the request threads' samples in a closed loop of redemptions); with
     * these settings the chain is built without the wrapping.
     */
    @Bean
    SecurityObservationSettings ledgerSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder ledgerPasswordEncoder() {
        return new RememberingPasswordEncoder(
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder())));
    }

    @Bean
    ConfiguredUsers ledgerUsers(LedgerSecurityProperties properties, PasswordEncoder ledgerPasswordEncoder) {
        return new ConfiguredUsers(properties, ledgerPasswordEncoder);
    }
}
