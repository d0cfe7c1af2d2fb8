package com.monstermart.cdp.localstack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An existing PostgreSQL server given as {@code postgresql://user:password@host:port} (libpq's URI form; a
 * {@code jdbc:} prefix is accepted).
 */
record DatabaseUrl(String host, int port, String user, String password) {
    static DatabaseUrl parse(String url) {
        String text = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalid();
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw new StackException("CDP_DATABASE_URL needs a user: postgresql://user:password@host:port");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    StackEndpoints.Postgres endpoint() {
        return new StackEndpoints.Postgres(host, port, user, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static StackException invalid() {
        // The URL may hold a password: it is not repeated in the message.
        return new StackException("CDP_DATABASE_URL must look like postgresql://user:password@host:port");
    }
}
