package com.monstermart.cdp.ingestion.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP endpoint that records the alert webhooks it receives. */
public final class WebhookReceiver {
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private WebhookReceiver() {}

    static synchronized String start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/alerts", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    RECEIVED.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:%d/alerts".formatted(server.getAddress().getPort());
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The bodies received so far. */
    public static List<String> received() {
        return List.copyOf(RECEIVED);
    }
}
