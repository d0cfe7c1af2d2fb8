package com.monstermart.cdp.demoworld.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The product catalogue: categories with seasonality and trend, brands, products and their price histories. */
public final class Catalogue {

    /**
     * A leaf category.
     *
     * @param share base share of demand
     * @param seasonalAmplitude relative swing over the year
     * @param peakDayOfYear day of the year (0-based) with the highest demand
     * @param annualTrend relative growth per year
     * @param medianPrice median product price in GBP
     */
    public record Category(
            int index,
            long id,
            String code,
            double share,
            double seasonalAmplitude,
            double peakDayOfYear,
            double annualTrend,
            double medianPrice,
            double returnMultiplier,
            List<String> brands,
            List<String> nouns) {
        public Category {
            requireNonNull(code, "code is null");
            brands = List.copyOf(brands);
            nouns = List.copyOf(nouns);
        }

        public boolean electronics() {
            return code.startsWith("electronics.") || code.startsWith("computers.") || code.startsWith("appliances.");
        }

        public boolean catalogueRange() {
            return code.startsWith("home.")
                    || code.startsWith("kids.")
                    || code.startsWith("stationery.")
                    || code.startsWith("accessories.");
        }
    }

    /** A product; its price changes at the given times. */
    public record Product(
            int index,
            long id,
            String sku,
            String name,
            Category category,
            String brand,
            long createdAt,
            long[] priceChangeTimes,
            long[] pricesInPence,
            double popularity) {
        public Product {
            requireNonNull(sku, "sku is null");
            requireNonNull(name, "name is null");
            requireNonNull(category, "category is null");
            priceChangeTimes = priceChangeTimes.clone();
            pricesInPence = pricesInPence.clone();
        }

        /** The price in pence at this time. */
        public long priceAt(long millis) {
            long price = pricesInPence[0];
            for (int i = 0; i < priceChangeTimes.length && priceChangeTimes[i] <= millis; i++) {
                price = pricesInPence[i + 1];
            }
            return price;
        }

        public int priceChanges() {
            return priceChangeTimes.length;
        }

        public long priceChangeTime(int change) {
            return priceChangeTimes[change];
        }

        /** The price after the given change. */
        public long priceAfterChange(int change) {
            return pricesInPence[change + 1];
        }

        /** The marketplace's id for this product (the electronics purchase history uses its own ids). */
        public long marketplaceId() {
            return 1515966223509000000L + index;
        }

        /** The UCI Online Retail II style stock code. */
        public String stockCode() {
            int number = 20000 + index % 70000;
            return index >= 70000 || index % 7 == 3 ? number + String.valueOf((char) ('A' + index % 6)) : "" + number;
        }
    }

    private static final Object[][] CATEGORY_TABLE = {
        // code, share, amplitude, peak day, trend, median price, return multiplier, brands, nouns
        {
            "electronics.smartphone",
            8.0,
            0.25,
            330.0,
            0.10,
            420.0,
            1.0,
            "Krakenware,Gorgon,Cyclops,Banshee",
            "Phone,Smartphone,Phone Pro,Phone Mini"
        },
        {
            "electronics.audio.headphone",
            5.0,
            0.30,
            340.0,
            0.08,
            85.0,
            1.0,
            "Banshee,Howler,Echo Crypt",
            "Headphones,Earbuds,Noise-Cancelling Headphones"
        },
        {"electronics.video.tv", 3.0, 0.35, 345.0, 0.02, 520.0, 1.0, "Cyclops,Gorgon,Vampirex", "Smart TV,OLED TV,4K TV"
        },
        {"electronics.tablet", 2.0, 0.30, 340.0, 0.04, 310.0, 1.0, "Krakenware,Gorgon", "Tablet,Tablet Mini"},
        {"electronics.clocks", 2.0, 0.20, 340.0, 0.05, 190.0, 1.0, "Tick Tomb,Krakenware", "Smartwatch,Fitness Band"},
        {
            "computers.notebook",
            3.0,
            0.30,
            240.0,
            0.03,
            780.0,
            1.0,
            "Krakenware,Golem Systems",
            "Laptop,Notebook,Ultrabook"
        },
        {"computers.peripherals.mouse", 2.0, 0.10, 240.0, 0.00, 25.0, 1.0, "Golem Systems,Batwing", "Mouse,Gaming Mouse"
        },
        {
            "appliances.kitchen.blender",
            2.0,
            0.15,
            10.0,
            0.01,
            65.0,
            1.0,
            "Cauldron & Co,Witchbrew",
            "Blender,Potion Mixer"
        },
        {"appliances.kitchen.kettle", 2.0, 0.10, 20.0, 0.00, 35.0, 1.0, "Cauldron & Co,Witchbrew", "Kettle,Tea Kettle"},
        {
            "appliances.environment.vacuum",
            2.0,
            0.15,
            90.0,
            0.03,
            160.0,
            1.0,
            "Dustmoth,Golem Systems",
            "Vacuum Cleaner,Robot Vacuum"
        },
        {"apparel.shoes", 6.0, 0.20, 110.0, 0.04, 70.0, 3.0, "Stompers,Hoofwear,Clawdia", "Boots,Trainers,Ankle Boots"},
        {"apparel.cloak", 4.0, 0.45, 300.0, 0.05, 95.0, 3.0, "Shroud & Sons,Nightweave", "Cloak,Hooded Cape,Wool Coat"},
        {"apparel.costume", 3.0, 0.90, 303.0, 0.06, 45.0, 3.0, "Boo & Co,Shroud & Sons", "Costume,Fancy Dress,Mask"},
        {
            "furniture.bedroom.coffin_bed",
            1.0,
            0.10,
            40.0,
            0.02,
            640.0,
            1.0,
            "Eternal Rest,Oakshade",
            "Coffin Bed,Bed Frame"
        },
        {"furniture.living_room.sofa", 1.5, 0.15, 60.0, 0.01, 720.0, 1.0, "Oakshade,Velvet Crypt", "Sofa,Armchair"},
        {"home.candles", 4.0, 0.60, 320.0, 0.03, 14.0, 1.0, "Wickwitch,Köln Kandle", "Candle,Candle Set,Lantern"},
        {
            "home.decor.halloween",
            3.0,
            1.00,
            300.0,
            0.08,
            22.0,
            1.0,
            "Boo & Co,Wickwitch",
            "Pumpkin Lantern,Skull Garland"
        },
        {"home.kitchen.mug", 3.0, 0.25, 340.0, 0.02, 9.0, 1.0, "Witchbrew,Wickwitch", "Mug,Teacup,Potion Mug"},
        {"kids.toys", 5.0, 0.70, 350.0, 0.03, 28.0, 1.0, "Gremlin Games,Boo & Co", "Plush Monster,Puzzle,Building Set"},
        {"sport.bicycle", 2.0, 0.50, 150.0, 0.06, 540.0, 1.0, "Hellrider,Stompers", "Bicycle,E-Bike"},
        {"country_yard.lawn_mower", 1.0, 0.80, 160.0, 0.00, 230.0, 1.0, "Overgrowth,Golem Systems", "Lawn Mower"},
        {"accessories.bag", 3.0, 0.20, 330.0, 0.03, 55.0, 1.5, "Nightweave,Clawdia", "Bag,Backpack,Tote"},
        {"accessories.umbrella", 2.0, 0.50, 290.0, 0.00, 18.0, 1.0, "Drizzle,Nightweave", "Umbrella,Storm Umbrella"},
        {"stationery.notebook", 2.0, 0.35, 245.0, -0.02, 8.0, 1.0, "Quill & Skull,Inkwell", "Notebook,Journal,Quill Set"
        },
        {"beauty.skincare", 3.0, 0.15, 330.0, 0.07, 24.0, 1.0, "Pale & Co,Crème Noire", "Night Cream,Serum,Face Mask"},
        {"food.sweets", 4.0, 0.80, 303.0, 0.02, 6.0, 0.2, "Sugar Skull,Boo & Co", "Sweets,Chocolate Bats,Toffee"}
    };

    private final List<Category> categories;
    private final List<Product> products;
    private final double[] categoryShares;
    private final List<int[]> productsByCategory;
    private final List<double[]> popularityByCategory;

    private Catalogue(List<Category> categories, List<Product> products) {
        this.categories = List.copyOf(categories);
        this.products = List.copyOf(products);
        this.categoryShares = categories.stream().mapToDouble(Category::share).toArray();
        this.productsByCategory = new ArrayList<>();
        this.popularityByCategory = new ArrayList<>();
        for (Category category : categories) {
            int[] indexes = products.stream()
                    .filter(product -> product.category() == category)
                    .mapToInt(Product::index)
                    .toArray();
            productsByCategory.add(indexes);
            popularityByCategory.add(Arrays.stream(indexes)
                    .mapToDouble(i -> products.get(i).popularity())
                    .toArray());
        }
    }

    /** A catalogue sized for the world: between 300 and 20,000 products. */
    public static Catalogue generate(long seed, int customers, long start, long end) {
        Rng rng = Rng.derive(seed, 1);
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < CATEGORY_TABLE.length; i++) {
            Object[] row = CATEGORY_TABLE[i];
            categories.add(new Category(
                    i,
                    2053013555631880000L + 1000L * i + rng.nextInt(1000),
                    (String) row[0],
                    (Double) row[1],
                    (Double) row[2],
                    (Double) row[3],
                    (Double) row[4],
                    (Double) row[5],
                    (Double) row[6],
                    List.of(((String) row[7]).split(",")),
                    List.of(((String) row[8]).split(","))));
        }
        int count = (int) Math.max(300, Math.min(20_000, customers / 20L));
        double totalShare = categories.stream().mapToDouble(Category::share).sum();
        List<Product> products = new ArrayList<>(count);
        String[] adjectives = {
            "Classic",
            "Midnight",
            "Deluxe",
            "Eerie",
            "Pro",
            "Spectral",
            "Ghastly",
            "Lunar",
            "Crimson",
            "Shadow",
            "Velvet",
            "Gothic",
            "Mini",
            "Max",
            "Vintage",
            "Eco"
        };
        for (int i = 0; i < count; i++) {
            // Spread products over categories by share, deterministically.
            double position = (i + 0.5) / count * totalShare;
            Category category = categories.get(categories.size() - 1);
            for (Category each : categories) {
                position -= each.share();
                if (position < 0) {
                    category = each;
                    break;
                }
            }
            String brand = rng.pick(category.brands());
            String name = brand + " " + rng.pick(adjectives) + " " + rng.pick(category.nouns()) + " "
                    + (char) ('A' + rng.nextInt(26)) + (10 + rng.nextInt(990));
            long price = Math.max(99, Math.round(category.medianPrice() * StrictMath.exp(0.5 * rng.normal()) * 100));
            price = Math.max(99, price / 100 * 100 - 1);
            long createdAt = start - (long) (rng.uniform(30, 1500) * Times.DAY);
            int changes = rng.poisson((end - start) / (double) Times.DAY / 45.0);
            long[] times = new long[changes];
            for (int c = 0; c < changes; c++) {
                times[c] = start + (long) (rng.uniform() * (end - start));
            }
            Arrays.sort(times);
            long[] prices = new long[changes + 1];
            prices[0] = price;
            for (int c = 0; c < changes; c++) {
                double factor = rng.chance(0.6) ? rng.uniform(0.75, 0.95) : rng.uniform(1.03, 1.15);
                prices[c + 1] = Math.max(99, Math.round(price * factor / 100.0) * 100 - 1);
            }
            double popularity = 1.0 / StrictMath.pow(1 + rng.nextInt(50), 0.8);
            products.add(new Product(
                    i,
                    1_000_001L + i,
                    "MM-" + category.code().substring(0, 3).toUpperCase(java.util.Locale.ROOT) + "-" + (100000 + i),
                    name,
                    category,
                    brand,
                    createdAt,
                    times,
                    prices,
                    popularity));
        }
        return new Catalogue(categories, products);
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Product> products() {
        return products;
    }

    /** The seasonal and trend multiplier of a category's demand at this time. */
    public static double demandMultiplier(Category category, long millis, long start) {
        double day = Times.dayOfYear(millis);
        double seasonal = 1
                + category.seasonalAmplitude()
                        * StrictMath.cos(2 * Math.PI * (day - category.peakDayOfYear()) / 365.25);
        double years = (millis - start) / (365.25 * Times.DAY);
        return Math.max(0.05, seasonal) * (1 + category.annualTrend() * years);
    }

    /** Which part of the range a channel sells. */
    public enum Range {
        ALL,
        STORE,
        ELECTRONICS,
        CATALOGUE;

        boolean includes(Category category) {
            return switch (this) {
                case ALL -> true;
                case STORE -> !category.code().startsWith("furniture");
                case ELECTRONICS -> category.electronics();
                case CATALOGUE -> category.catalogueRange();
            };
        }
    }

    private final java.util.Map<Long, double[]> weightsByRangeAndDay = new java.util.HashMap<>();

    /** A category drawn by its share of demand on that day (seasonality and trend included). */
    public Category category(Rng rng, long millis, long start, Range range) {
        long day = Math.floorDiv(millis, Times.DAY);
        double[] weights = weightsByRangeAndDay.computeIfAbsent(day * 8 + range.ordinal(), key -> {
            double[] computed = categoryShares.clone();
            long noon = day * Times.DAY + Times.DAY / 2;
            for (int i = 0; i < computed.length; i++) {
                computed[i] = range.includes(categories.get(i))
                        ? computed[i] * demandMultiplier(categories.get(i), noon, start)
                        : 0;
            }
            return computed;
        });
        return categories.get(rng.weighted(weights));
    }

    public Product product(Rng rng, Category category) {
        int[] indexes = productsByCategory.get(category.index());
        return products.get(indexes[rng.weighted(popularityByCategory.get(category.index()))]);
    }
}
