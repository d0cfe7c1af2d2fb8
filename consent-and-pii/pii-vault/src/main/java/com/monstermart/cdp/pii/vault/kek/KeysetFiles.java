package com.monstermart.cdp.pii.vault.kek;

import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Writing and reading key files: owner-only permissions, created atomically, never replaced. */
final class KeysetFiles {
    private static final System.Logger LOG = System.getLogger(KeysetFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeysetFiles() {}

    /**
     * Writes {@code content} to {@code file} with permissions 0600 unless the file exists.
     *
     * @return whether this call created it (false: another process or an earlier start did)
     */
    static boolean createOwnerOnly(Path file, String content) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = posix(absolute.getParent())
                    ? Files.createTempFile(
                            absolute.getParent(), ".kek-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(absolute.getParent(), ".kek-", ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                // A hard link appears atomically and never replaces an existing file.
                Files.createLink(absolute, temporary);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot create key file %s (%s): check the directory exists and is writable by this user"
                            .formatted(absolute, e.getMessage()),
                    e);
        }
    }

    static String read(Path file) {
        try {
            warnIfOthersCanRead(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot read key file %s (%s): check it exists and is readable by this user"
                            .formatted(file.toAbsolutePath(), e.getMessage()),
                    e);
        }
    }

    static Optional<Set<PosixFilePermission>> permissions(Path file) throws IOException {
        if (!posix(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.getPosixFilePermissions(file));
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        Optional<Set<PosixFilePermission>> permissions = permissions(file);
        if (permissions.isPresent()) {
            Set<PosixFilePermission> loose = EnumSet.noneOf(PosixFilePermission.class);
            loose.addAll(permissions.get());
            loose.removeAll(OWNER_ONLY);
            loose.remove(PosixFilePermission.OWNER_EXECUTE);
            if (!loose.isEmpty()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Key file {0} can be read by other users ({1}): run chmod 600 on it",
                        file.toAbsolutePath(),
                        PosixFilePermissions.toString(permissions.get()));
            }
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
