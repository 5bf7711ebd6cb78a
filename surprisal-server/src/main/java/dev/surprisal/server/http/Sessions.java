// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import dev.surprisal.server.auth.Tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sessions: after a login with a token, a random session id in an {@code HttpOnly;
 * SameSite=Strict} cookie stands for the token's caller for 8 hours, in memory only (a restart logs
 * everyone out). Each session has a CSRF token that state-changing requests made with the cookie
 * must echo (form field {@code csrf} or header {@code X-Surprisal-CSRF}).
 */
final class Sessions {
    static final String COOKIE = "surprisal_session";
    private static final Duration LIFE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    record Session(Tokens.Caller caller, String csrf, Instant expires) {
    }

    Sessions(Clock clock) {
        this.clock = clock;
    }

    String open(Tokens.Caller caller) {
        if (sessions.size() > 10_000) {
            sessions.values().removeIf(s -> s.expires.isBefore(clock.instant()));
        }
        String id = random();
        sessions.put(id, new Session(caller, random(), clock.instant().plus(LIFE)));
        return id;
    }

    Optional<Session> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || s.expires.isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
