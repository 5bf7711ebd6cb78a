// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.server.http.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed openapi.yaml describes exactly the API routes the server registers (method and
 * path), and each route's security matches: no token for health and readiness only. Also the auth
 * matrix over every route: without a token each protected route is refused with 401.
 */
class OpenApiTest {
    @Test
    void openApiFileAndRoutesAgree(@TempDir Path dir) throws Exception {
        Map<String, Object> doc;
        try (InputStream in = Route.class.getResourceAsStream("openapi.yaml")) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Set<String> documented = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                if (op instanceof Map<?, ?> m && m.containsKey("security") && ((java.util.List<?>) m.get("security"))
                        .isEmpty()) {
                    open.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }));
        try (TestServer t = new TestServer(dir, 300, 2, c -> c, java.time.Clock.systemUTC())) {
            Set<String> registered = new TreeSet<>();
            Set<String> noToken = new TreeSet<>();
            for (Route r : t.server.http().routes()) {
                if (r.api()) {
                    registered.add(r.method() + " " + r.path());
                    if (r.role() == null) {
                        noToken.add(r.method() + " " + r.path());
                    }
                }
            }
            assertThat(documented).isEqualTo(registered);
            assertThat(open).isEqualTo(noToken).containsExactly("GET /healthz", "GET /readyz");

            for (Route r : t.server.http().routes()) {
                if (r.role() == null) {
                    continue;
                }
                String path = r.path().replace("{monitor}", "orders").replace("{run}", "1");
                HttpResponse<String> resp = switch (r.method()) {
                    case "GET" -> t.get(path, null);
                    case "PUT" -> t.put(path, null, "{}");
                    default -> t.post(path, null, "{}");
                };
                assertThat(resp.statusCode()).as(r.method() + " " + path).isEqualTo(r.api() ? 401 : 302);
            }
        }
    }
}
