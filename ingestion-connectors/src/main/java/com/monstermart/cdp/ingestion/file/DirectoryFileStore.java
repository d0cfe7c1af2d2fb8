package com.monstermart.cdp.ingestion.file;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files in one directory (not its subdirectories); hidden files and partial uploads ({@code .tmp}) are ignored. */
public final class DirectoryFileStore implements FileStore {
    private final Path directory;

    public DirectoryFileStore(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public List<FileEntry> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "the drop directory does not exist");
        }
        List<FileEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        entries.add(new FileEntry(
                                name,
                                attributes.size(),
                                attributes.lastModifiedTime().toInstant()));
                    }
                } catch (NoSuchFileException e) {
                    // removed while listing
                }
            }
        }
        return entries;
    }

    @Override
    public InputStream open(FileEntry entry, long offset) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(entry.key()), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }
}
