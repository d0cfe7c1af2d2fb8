package com.monstermart.cdp.demoworld.core;

import java.util.ArrayList;
import java.util.List;

/** MonsterMart's stores, all in Great Britain. */
public final class Stores {
    /** A store; {@code id} is its POS id. */
    public record Store(int id, String code, String name, Places.Address address, String openedOn) {}

    private final List<Store> stores;

    private Stores(List<Store> stores) {
        this.stores = List.copyOf(stores);
    }

    public static Stores generate(long seed, int customers) {
        Rng rng = Rng.derive(seed, 3);
        int count = Math.max(6, Math.min(120, customers / 25_000));
        List<Places.City> cities = Places.CITIES.stream()
                .filter(city -> city.country().equals("GB"))
                .toList();
        String[] flavours = {"Central", "High Street", "Retail Park", "Arcade", "Market", "Docks", "Old Town"};
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Places.City city = cities.get(i % cities.size());
            String name = "MonsterMart " + city.name() + " " + flavours[(i / cities.size()) % flavours.length]
                    + (i >= cities.size() * flavours.length ? " " + (i / (cities.size() * flavours.length) + 1) : "");
            stores.add(new Store(
                    i + 1,
                    "S%03d".formatted(i + 1),
                    name,
                    Places.address(rng, city),
                    "%d-%02d-%02d".formatted(1998 + rng.nextInt(26), 1 + rng.nextInt(12), 1 + rng.nextInt(28))));
        }
        return new Stores(stores);
    }

    public List<Store> all() {
        return stores;
    }

    /** A store in the city if there is one, else any. */
    public Store near(Rng rng, String city) {
        List<Store> local = stores.stream()
                .filter(store -> store.address().city().equals(city))
                .toList();
        return local.isEmpty() ? rng.pick(stores) : rng.pick(local);
    }
}
