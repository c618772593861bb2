package org.casegraph.access;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * People sign in with JWT bearer tokens from the identity provider configured in
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or a public key); apps
 * use API keys. Every endpoint is open to anonymous readers: what a caller may see and do
 * is decided per request from its role, inside the queries. A token that is present but
 * invalid is refused with 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        // Only requests that bring a bearer token need Spring Security; the rest skip its
        // filters entirely.
        http.securityMatcher((request) -> request.getHeader("Authorization") != null)
            .csrf((csrf) -> csrf.disable())
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
        }
        return http.build();
    }

    /**
     * How a request's caller becomes a role: an API key first, then a JWT, then the local
     * development role for requests from this machine when one is configured, and
     * otherwise {@link Role#PUBLIC}.
     */
    @Bean
    Callers callers(@Value("${casegraph.jwt.role-claim:roles}") String roleClaim,
            @Value("${casegraph.local-mode.role:}") String localRole) {
        Role local = localRole == null || localRole.isBlank() ? null
                : Role.valueOf(localRole.strip().toUpperCase(Locale.ROOT));
        if (local != null) {
            log.warn("Local mode: every request from this machine without a key or token acts as {}. "
                    + "Never set casegraph.local-mode.role on a shared server.", local);
        }
        return new Callers(roleClaim, local);
    }

    /** Resolves the caller of a request that brought no API key. */
    record Callers(String roleClaim, Role localRole) {

        /** The role and name of a JWT caller, or null when the request has no token. */
        Caller fromToken(Authentication authentication) {
            if (!(authentication instanceof JwtAuthenticationToken token)) {
                return null;
            }
            Jwt jwt = token.getToken();
            Object claim = jwt.getClaim(this.roleClaim);
            Collection<?> names = claim instanceof Collection<?> list ? list
                    : claim == null ? List.of() : List.of(claim);
            Role role = Role.PUBLIC;
            for (Object name : names) {
                for (Role candidate : Role.values()) {
                    if (candidate.name().equalsIgnoreCase(String.valueOf(name)) && candidate.atLeast(role)) {
                        role = candidate;
                    }
                }
            }
            return new Caller(role, "jwt:" + jwt.getSubject());
        }

        /** The local development caller, for requests from this machine only. */
        Caller local(InetAddress address) {
            if (this.localRole == null || address == null || !address.isLoopbackAddress()) {
                return null;
            }
            return new Caller(this.localRole, "local");
        }

    }

    record Caller(Role role, String name) {
    }

}
