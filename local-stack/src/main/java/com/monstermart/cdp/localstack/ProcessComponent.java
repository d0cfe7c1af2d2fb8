package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A component that runs as one local process (and whatever it forks). */
abstract class ProcessComponent implements Component {
    protected final StackContext context;
    private final String name;

    protected ProcessComponent(StackContext context, String name) {
        this.context = requireNonNull(context, "context is null");
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void start() {
        try {
            Files.createDirectories(directory());
            prepare();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.processes().start(launch());
    }

    /** Writes configuration and initialises data on first start. */
    protected abstract void prepare() throws IOException;

    protected abstract ProcessControl.Launch launch();

    @Override
    public Optional<ProcessHandle> process() {
        return context.processes().running(name);
    }

    @Override
    public void stop() {
        context.processes().stop(name, stopGracePeriod());
    }

    protected Duration stopGracePeriod() {
        return Duration.ofSeconds(30);
    }

    /** The component's own directory under the data directory. */
    protected Path directory() {
        return context.settings().componentDirectory(name);
    }

    protected Path logFile() {
        return context.settings().logFile(name);
    }
}
