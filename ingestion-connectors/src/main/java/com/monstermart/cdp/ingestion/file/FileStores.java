package com.monstermart.cdp.ingestion.file;

import com.monstermart.cdp.ingestion.core.FilesSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The drop locations of a file source. */
public final class FileStores {
    private FileStores() {}

    public static List<FileStore> of(FilesSpec files) {
        List<FileStore> stores = new ArrayList<>();
        if (files.directory() != null && !files.directory().isBlank()) {
            stores.add(new DirectoryFileStore(
                    Path.of(files.directory()).toAbsolutePath().normalize()));
        }
        if (files.s3() != null) {
            stores.add(new S3FileStore(files.s3()));
        }
        return stores;
    }
}
