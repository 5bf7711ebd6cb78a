// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import java.time.Duration;

/**
 * One alert channel.
 *
 * @param name         the name monitors refer to in {@code alerts}
 * @param type         {@code webhook} (documented JSON), {@code slack} (incoming webhook) or
 *                     {@code alertmanager} (Alertmanager webhook v4 payload)
 * @param url          where to POST (may come from {@code ${env:NAME}})
 * @param retries      further attempts after a failed one (5xx, timeout, connection refused)
 * @param backoff      wait before the first retry; doubled at each further retry
 * @param timeout      per-request timeout
 * @param sendResolved whether a "resolved" message is sent when the incident ends
 */
public record NotifierConfig(String name, String type, String url, int retries, Duration backoff,
                             Duration timeout, boolean sendResolved) {
    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
