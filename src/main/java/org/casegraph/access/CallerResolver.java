package org.casegraph.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.support.CaseGraphStartupException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for every door into the service (GraphQL and the export endpoints
 * alike): the API key in {@code X-API-Key}, else a JWT bearer token, else the local
 * development role for requests from this machine, else {@link Role#PUBLIC}. An unknown
 * key is refused rather than treated as public, so a mistyped key is noticed at once.
 */
@Component
public class CallerResolver {

    public static final String HEADER = "X-API-Key";

    private final Map<String, ApiKeyProperties.ApiKey> keysByHash = new HashMap<>();

    private final SecurityConfiguration.Callers callers;

    private final ApiKeyAdministration administration;

    CallerResolver(ApiKeyProperties properties, SecurityConfiguration.Callers callers,
            ApiKeyAdministration administration) {
        this.callers = callers;
        this.administration = administration;
        for (ApiKeyProperties.ApiKey key : properties.apiKeys()) {
            if (key.sha256() == null || !key.sha256().matches("[0-9a-fA-F]{64}") || key.role() == null
                    || key.name() == null) {
                throw new CaseGraphStartupException("casegraph.api-keys: every key needs a name, a role and the sha256 "
                        + "of the key as 64 hex digits (printf %s \"$KEY\" | sha256sum)");
            }
            this.keysByHash.put(key.sha256().toLowerCase(Locale.ROOT), key);
        }
    }

    /**
     * The API key in {@value #HEADER} is not one this server issued (or it was revoked).
     */
    public static final class UnknownApiKeyException extends RuntimeException {

        UnknownApiKeyException() {
            super("The API key in " + HEADER + " is not known to this server");
        }

    }

    /**
     * The caller of a request that presented {@code apiKey} (null for none), was
     * authenticated as {@code authentication} by Spring Security (null for none) and came
     * from {@code remote}.
     * @throws UnknownApiKeyException for a key this server does not know
     */
    public Caller resolve(String apiKey, Authentication authentication, InetAddress remote) {
        if (apiKey != null) {
            String hash = sha256(apiKey.strip());
            ApiKeyProperties.ApiKey key = this.keysByHash.get(hash);
            if (key == null) {
                key = this.administration.find(hash).orElse(null);
            }
            if (key == null) {
                throw new UnknownApiKeyException();
            }
            return new Caller(key.role(), "key:" + key.name());
        }
        SecurityConfiguration.Caller caller = this.callers.fromToken(authentication);
        if (caller == null && remote != null) {
            caller = this.callers.local(remote);
        }
        if (caller != null) {
            return new Caller(caller.role(), caller.name());
        }
        return new Caller(Role.PUBLIC, "anonymous@" + (remote == null ? "unknown" : remote.getHostAddress()));
    }

    /**
     * The caller of a plain HTTP request (an export or an upload): its API key, its
     * authentication and its remote address, as {@link #resolve} takes them.
     * @throws UnknownApiKeyException for a key this server does not know
     */
    public Caller resolve(HttpServletRequest request) {
        return resolve(request.getHeader(HEADER), SecurityContextHolder.getContext().getAuthentication(),
                address(request.getRemoteAddr()));
    }

    private static InetAddress address(String remote) {
        try {
            // A literal address from the connector: no name lookup happens.
            return remote == null ? null : InetAddress.getByName(remote);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
