package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.util.Properties;

/**
 * How a JDBC client reaches Trino signed in (Trino's driver {@code io.trino:trino-jdbc}): the URL, TLS that trusts
 * the stack's certificate, and a realm access token. The one place these settings are spelled; tests open their
 * connections through {@code CdpStack}, the demo through this class.
 */
public final class TrinoJdbc {
    private TrinoJdbc() {}

    /** {@code jdbc:trino://127.0.0.1:<port>/<catalog>/<schema>} (TLS and the token go in {@link #properties}). */
    public static String url(StackEndpoints.Trino trino, String catalog, String schema) {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        return "jdbc:trino://%s/%s/%s".formatted(trino.authority(), catalog, schema);
    }

    /** The URL with the TLS settings in it, as a person pastes it into a database tool (the token goes apart). */
    public static String urlWithTls(StackEndpoints.Trino trino, String catalog, String schema) {
        return url(trino, catalog, schema) + "?SSL=true&SSLTrustStorePath=" + trino.certificate();
    }

    /** The connection properties for a token: the user it names, the token, TLS trusting the stack's certificate. */
    public static Properties properties(StackEndpoints.Trino trino, AccessToken token) {
        Properties properties = new Properties();
        properties.setProperty("user", token.username());
        properties.setProperty("accessToken", token.value());
        properties.setProperty("SSL", "true");
        properties.setProperty("SSLTrustStorePath", trino.certificate());
        return properties;
    }
}
