package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@link StateStore} that can commit a batch's changes on a background thread, so the hot-store transaction
 * overlaps the next batch's polling and folding instead of lengthening the batch.
 *
 * <p>While a commit is in flight, every read sees the store as it will be once that commit is done: the in-flight
 * changes overlay what the delegate returns (a profile, owner, product or order the changes hold is taken from them;
 * an identifier they remove has no owner; the offsets are theirs). The delegate reads either side of the commit and
 * the overlay hides the difference, since the commit changes only what the overlay holds. Profiles are handed out
 * as copies: the next batch folds into them while the background thread still serialises the originals.
 *
 * <p>The owner decides when to wait: {@link #awaitCommit()} before anything that must follow the commit (the next
 * batch's Iceberg commit, the Kafka offsets); it rethrows the commit's failure, after which the overlay is gone and
 * whatever was read through it must be abandoned (the loop rewinds to the delegate's offsets). {@link #commit} is
 * synchronous, as before.
 *
 * <p>Not thread-safe: one owner thread (the ingestion loop) calls every method; only the delegate's {@code commit}
 * runs on the background thread.
 */
public final class BackgroundStateStore implements StateStore, AutoCloseable {
    private final StateStore delegate;
    private final ExecutorService executor;
    private InFlight inFlight;

    public BackgroundStateStore(StateStore delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "profile-store-hot-store-commit");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts committing these changes on the background thread; at most one commit is in flight. */
    public void commitInBackground(StateChanges changes) {
        requireNonNull(changes, "changes is null");
        if (inFlight != null) {
            throw new IllegalStateException("A hot-store commit is in flight; await it before starting the next");
        }
        InFlight next = new InFlight(changes);
        next.result = executor.submit(() -> {
            long started = System.nanoTime();
            delegate.commit(changes);
            return (System.nanoTime() - started) / 1_000_000;
        });
        inFlight = next;
    }

    /** Whether a commit was started and not yet awaited. */
    public boolean committing() {
        return inFlight != null;
    }

    /** Whether the commit in flight has ended (then {@link #awaitCommit()} does not block). */
    public boolean commitEnded() {
        return inFlight != null && inFlight.result.isDone();
    }

    /**
     * Waits for the commit in flight and drops its overlay; returns how long the commit took in milliseconds (0 when
     * none was in flight). Rethrows the commit's failure.
     */
    public long awaitCommit() {
        InFlight current = inFlight;
        if (current == null) {
            return 0;
        }
        try {
            long millis = current.result.get();
            inFlight = null;
            return millis;
        } catch (ExecutionException e) {
            inFlight = null;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED, "The hot-store commit failed: " + cause, cause);
        } catch (InterruptedException e) {
            // The commit goes on: keep its overlay until it has ended (see awaitQuietly).
            Thread.currentThread().interrupt();
            throw new ProfileStoreException(
                    ProfileStoreErrorCode.HOT_STORE_FAILED, "Interrupted while waiting for the hot-store commit", e);
        }
    }

    /**
     * Waits for the commit in flight to end, whatever its outcome, and drops its overlay: for abandoning a batch,
     * after which the owner reads the delegate's offsets again.
     */
    public void awaitQuietly() {
        InFlight current = inFlight;
        if (current == null) {
            return;
        }
        boolean interrupted = false;
        while (!current.result.isDone()) {
            try {
                current.result.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        inFlight = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------ StateStore

    @Override
    public Map<StreamPartition, Long> committedOffsets() {
        Map<StreamPartition, Long> offsets = new HashMap<>(delegate.committedOffsets());
        if (inFlight != null) {
            offsets.putAll(inFlight.changes.offsets());
        }
        return offsets;
    }

    @Override
    public Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
        if (inFlight == null) {
            return delegate.loadProfiles(profileIds);
        }
        Map<String, ProfileState> profiles = new HashMap<>();
        List<String> stored = new ArrayList<>(profileIds.size());
        for (String profileId : profileIds) {
            ProfileState pending = inFlight.profiles.get(profileId);
            if (pending == null) {
                stored.add(profileId);
            } else {
                profiles.put(profileId, pending.copy());
            }
        }
        if (!stored.isEmpty()) {
            profiles.putAll(delegate.loadProfiles(stored));
        }
        return profiles;
    }

    @Override
    public List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
        if (inFlight == null) {
            return delegate.loadProfilesMergedInto(survivorIds);
        }
        Set<String> survivors = new HashSet<>(survivorIds);
        List<ProfileState> profiles = new ArrayList<>();
        for (ProfileState stored : delegate.loadProfilesMergedInto(survivorIds)) {
            if (!inFlight.profiles.containsKey(stored.profileId())) {
                profiles.add(stored);
            }
        }
        for (ProfileState pending : inFlight.profiles.values()) {
            if (pending.mergedInto().filter(survivors::contains).isPresent()) {
                profiles.add(pending.copy());
            }
        }
        return profiles;
    }

    @Override
    public Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
        if (inFlight == null) {
            return delegate.loadIdentifierOwners(identifiers);
        }
        Map<IdentifierKey, String> owners = new HashMap<>();
        List<IdentifierKey> stored = new ArrayList<>(identifiers.size());
        for (IdentifierKey identifier : identifiers) {
            String pending = inFlight.owners.get(identifier);
            if (pending != null) {
                owners.put(identifier, pending);
            } else if (!inFlight.changes.removedIdentities().contains(identifier)) {
                stored.add(identifier);
            }
        }
        if (!stored.isEmpty()) {
            owners.putAll(delegate.loadIdentifierOwners(stored));
        }
        return owners;
    }

    @Override
    public Map<String, ProductState> loadProducts(Collection<String> productIds) {
        if (inFlight == null) {
            return delegate.loadProducts(productIds);
        }
        return overlay(productIds, inFlight.products, delegate::loadProducts);
    }

    @Override
    public Map<String, OrderState> loadOrders(Collection<String> orderIds) {
        if (inFlight == null) {
            return delegate.loadOrders(orderIds);
        }
        return overlay(orderIds, inFlight.orders, delegate::loadOrders);
    }

    /** Commits synchronously, after the commit in flight (whose failure it rethrows). */
    @Override
    public void commit(StateChanges changes) {
        awaitCommit();
        delegate.commit(changes);
    }

    /** Waits for the commit in flight to end and stops the background thread. */
    @Override
    public void close() {
        awaitQuietly();
        executor.shutdown();
    }

    private static <T> Map<String, T> overlay(
            Collection<String> ids,
            Map<String, T> pending,
            java.util.function.Function<Collection<String>, Map<String, T>> load) {
        Map<String, T> found = new HashMap<>();
        List<String> stored = new ArrayList<>(ids.size());
        for (String id : ids) {
            T value = pending.get(id);
            if (value == null) {
                stored.add(id);
            } else {
                found.put(id, value);
            }
        }
        if (!stored.isEmpty()) {
            found.putAll(load.apply(stored));
        }
        return found;
    }

    /** A commit on its way, and its changes indexed for reads. Products and orders are immutable records. */
    private static final class InFlight {
        final StateChanges changes;
        final Map<String, ProfileState> profiles = new HashMap<>();
        final Map<IdentifierKey, String> owners = new HashMap<>();
        final Map<String, ProductState> products = new HashMap<>();
        final Map<String, OrderState> orders = new HashMap<>();
        Future<Long> result;

        InFlight(StateChanges changes) {
            this.changes = changes;
            changes.profiles().forEach(profile -> profiles.put(profile.profileId(), profile));
            changes.identities().forEach(owner -> owners.put(owner.identifier(), owner.profileId()));
            changes.products().forEach(product -> products.put(product.productId(), product));
            changes.orders().forEach(order -> orders.put(order.orderId(), order));
        }
    }
}
