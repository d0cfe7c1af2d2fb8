package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OS user a database server runs as when the launcher runs as root (PostgreSQL and MariaDB refuse to run
 * as root); for any other launcher user, the server runs as that user and nothing changes.
 */
record OsUser(String name) {
    static final OsUser POSTGRES = new OsUser("postgres");
    static final OsUser MYSQL = new OsUser("mysql");

    OsUser {
        requireNonNull(name, "name is null");
    }

    static boolean launcherIsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** setpriv changes user and then execs, so the pid stays the server's own (runuser would fork). */
    List<String> wrap(List<String> command) {
        if (!launcherIsRoot()) {
            return command;
        }
        List<String> wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory to the user (private to it) and checks that the user can reach it through its parents. */
    void own(Path directory) throws IOException {
        if (!launcherIsRoot()) {
            return;
        }
        Subprocess.run(List.of("chown", "-R", name + ":" + name, directory.toString()), Duration.ofMinutes(1), "chown");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Subprocess.run(
                wrap(List.of("test", "-w", directory.toString())),
                Duration.ofSeconds(10),
                "the check that the %s OS user can reach %s (choose a CDP_DATA_DIR whose parents are world-searchable)"
                        .formatted(name, directory));
    }
}
