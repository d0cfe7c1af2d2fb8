package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** File sources. */
@ConfigMapping(prefix = "cdp.ingestion.files")
public interface FileSettings {
    /** Rows per batch: a batch is written and acknowledged before the file position is saved. */
    @WithDefault("5000")
    int batchSize();

    /** The drop directory of the built-in {@code demo-drop} source; relative paths start at the working directory. */
    @WithDefault("../.cdp/drop")
    String dropDirectory();
}
