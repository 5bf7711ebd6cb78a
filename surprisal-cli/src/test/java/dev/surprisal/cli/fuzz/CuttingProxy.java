// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a PostgreSQL server that "stops the server" at a chosen moment: when
 * the client has sent {@code cutAfter} bytes on its {@code cutConnection}-th connection, every
 * connection is closed and later ones are refused, as when the server is stopped in the middle of
 * a check. The fuzz chooses the moment, so the stop falls anywhere: while the baseline is read,
 * before the write, inside its transaction, around its commit.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final int cutConnection;
    private final long cutAfter;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final List<Socket> open = new ArrayList<>();
    private volatile boolean stopped;

    CuttingProxy(String host, int port, int cutConnection, long cutAfter) throws IOException {
        this.host = host;
        this.port = port;
        this.cutConnection = cutConnection;
        this.cutAfter = cutAfter;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** The port to connect to instead of the server's. */
    int port() {
        return listener.getLocalPort();
    }

    /** Whether the "server" was stopped. */
    boolean stopped() {
        return stopped;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                int n = connections.incrementAndGet();
                if (stopped) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(host, port);
                synchronized (open) {
                    open.add(client);
                    open.add(server);
                }
                pump(client, server, n == cutConnection);
                pump(server, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int r;
                while ((r = in.read(buf)) >= 0) {
                    int len = r;
                    if (counted) {
                        long before = sent.getAndAdd(r);
                        if (before + r >= cutAfter) {
                            len = (int) Math.max(0, cutAfter - before);
                        }
                    }
                    out.write(buf, 0, len);
                    out.flush();
                    if (len < r || counted && sent.get() >= cutAfter) {
                        stop();
                        return;
                    }
                }
            } catch (IOException closed) {
                // the other side or the stop closed it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the "server": closes every connection and refuses new ones. */
    void stop() {
        stopped = true;
        synchronized (open) {
            open.forEach(CuttingProxy::closeQuietly);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        listener.close();
    }
}
