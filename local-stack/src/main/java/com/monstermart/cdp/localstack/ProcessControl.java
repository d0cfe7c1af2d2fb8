package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts server processes detached from the launcher, remembers them in pid files, and stops them with every
 * process they forked.
 *
 * <p>Each process runs in a session of its own ({@code setsid}) so that a Ctrl-C in the terminal that ran
 * {@code ./cdp up} does not reach it. A pid file holds the pid and the process's start time, so a recycled pid
 * is never mistaken for a server after a reboot or an unclean stop.
 */
public final class ProcessControl {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path runDirectory;

    public ProcessControl(Path runDirectory) {
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
    }

    /** A process to start: its command, working directory, extra environment and log file. */
    public record Launch(
            String name, List<String> command, Path workingDirectory, Map<String, String> environment, Path logFile) {
        public Launch {
            requireNonNull(name, "name is null");
            command = List.copyOf(command);
            requireNonNull(workingDirectory, "workingDirectory is null");
            environment = Map.copyOf(environment);
            requireNonNull(logFile, "logFile is null");
        }
    }

    public ProcessHandle start(Launch launch) {
        try {
            Files.createDirectories(runDirectory);
            Files.createDirectories(launch.logFile().getParent());
            Files.createDirectories(launch.workingDirectory());
            rotate(launch.logFile());
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(launch.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(launch.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(launch.environment());
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            writePidFile(launch.name(), handle);
            return handle;
        } catch (IOException e) {
            throw new StackException("Cannot start %s: %s".formatted(launch.name(), e.getMessage()), e);
        }
    }

    /** The running process recorded for this name, if it is still the one that was started. */
    public Optional<ProcessHandle> running(String name) {
        Path pidFile = pidFile(name);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] fields =
                    Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long startMillis = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startMillis < 0 || startMillis == startMillis(handle));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process and its descendants: SIGTERM first, SIGKILL to whatever is left after the grace period.
     *
     * @return whether a process was running
     */
    public boolean stop(String name, Duration grace) {
        Optional<ProcessHandle> running = running(name);
        running.ifPresent(handle -> terminate(handle, grace));
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running.isPresent();
    }

    /** Forgets a pid file whose process is gone (after a crash or a reboot). */
    public void forgetIfDead(String name) {
        if (running(name).isEmpty()) {
            try {
                Files.deleteIfExists(pidFile(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                if (!left.isNegative()) {
                    handle.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                // still alive after the grace period: killed below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StackException("Process %d did not exit even after SIGKILL".formatted(handle.pid()), e);
            }
        }
    }

    /** Resident memory of the process and all its descendants, in bytes (0 where /proc is unavailable). */
    public static long residentBytes(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(ProcessControl::residentBytesOfOne)
                .sum();
    }

    private static long residentBytesOfOne(ProcessHandle handle) {
        Path status = Path.of("/proc", Long.toString(handle.pid()), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\D+", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private void writePidFile(String name, ProcessHandle handle) throws IOException {
        Path pidFile = pidFile(name);
        Path temporary = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(temporary, handle.pid() + " " + startMillis(handle) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private Path pidFile(String name) {
        return runDirectory.resolve(name + ".pid");
    }

    /** Keeps the previous run's log next to the new one. */
    private static void rotate(Path logFile) throws IOException {
        if (Files.exists(logFile)) {
            Files.move(
                    logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
