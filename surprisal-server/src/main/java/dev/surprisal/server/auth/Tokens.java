// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.auth;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: 32 random bytes (base64url, prefixed {@code sps_}), shown once at creation and stored
 * only as their SHA-256. A request's token is hashed and looked up (a verified token is remembered
 * for 10 s, so a token revoked by another process stops working within 10 s; one revoked through
 * this object stops at once). Token values never appear in logs, answers or errors.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CACHE_NANOS = 10_000_000_000L;
    private final StoreGate gate;
    private final Clock clock;
    /** Verified tokens by hash for 10 s, so a request does not open the store only to check its token. */
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Caller caller, long until) {
    }

    /**
     * @param gate the store
     * @param clock time of creation and revocation
     */
    public Tokens(StoreGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    /** A named caller and its role. */
    public record Caller(String name, Role role) {
    }

    /**
     * Creates a token.
     *
     * @param name a name for it (unique)
     * @param role its role
     * @return the token's value: the only time it is available
     * @throws ValidationException if the name is malformed or taken
     */
    public String create(String name, Role role) {
        if (!ConfigLoader.NAME.matcher(name).matches()) {
            throw new ValidationException("--name: 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "sps_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        gate.with(s -> {
            if (ServerTables.tokens(s.connection()).stream().anyMatch(t -> t.name().equals(name))) {
                throw new ValidationException("--name: a token named '" + name + "' exists already (names are not "
                        + "reused, even after revocation); choose another name");
            }
            ServerTables.addToken(s.connection(), name, role.label(), sha256(token), clock.instant());
            return null;
        });
        return token;
    }

    /** @return every token's name, role and dates (never values) */
    public List<ServerTables.TokenInfo> list() {
        return gate.fresh(s -> ServerTables.tokens(s.connection()));
    }

    /**
     * @param name the token's name
     * @throws ValidationException if there is no live token of that name
     */
    public void revoke(String name) {
        boolean done = gate.with(s -> ServerTables.revokeToken(s.connection(), name, clock.instant()));
        cache.clear();
        if (!done) {
            throw new ValidationException("no live token named '" + name + "'; see 'surprisal serve token list'");
        }
    }

    /**
     * @param token a presented token, or null
     * @return its caller when it is live
     */
    public Optional<Caller> verify(String token) {
        if (token == null || !token.startsWith("sps_") || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Cached c = cache.get(hash);
        if (c != null && System.nanoTime() - c.until < 0) {
            return Optional.of(c.caller);
        }
        Optional<Caller> caller = gate.fresh(s -> ServerTables.tokenByHash(s.connection(), hash))
                .map(r -> new Caller(r[0], Role.parse(r[1])));
        caller.ifPresentOrElse(k -> cache.put(hash, new Cached(k, System.nanoTime() + CACHE_NANOS)),
                () -> cache.remove(hash));
        return caller;
    }

    /**
     * @param text a token
     * @return its SHA-256, hex
     */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
