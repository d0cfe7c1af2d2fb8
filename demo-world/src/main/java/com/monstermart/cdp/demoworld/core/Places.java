package com.monstermart.cdp.demoworld.core;

import java.util.List;

/** Countries, cities, streets, postcodes and phone numbers in each country's national format. */
public final class Places {
    private Places() {}

    /** A city with the country it is in and how postcodes look there. */
    public record City(String country, String name, String postcodePrefix, double weight) {}

    /** A postal address. */
    public record Address(String street, String city, String postcode, String country) {}

    public static final List<City> CITIES = List.of(
            new City("GB", "London", "E", 14),
            new City("GB", "London", "SE", 8),
            new City("GB", "London", "NW", 6),
            new City("GB", "Manchester", "M", 6),
            new City("GB", "Birmingham", "B", 6),
            new City("GB", "Leeds", "LS", 4),
            new City("GB", "Glasgow", "G", 4),
            new City("GB", "Edinburgh", "EH", 3),
            new City("GB", "Bristol", "BS", 3),
            new City("GB", "Liverpool", "L", 3),
            new City("GB", "Whitby", "YO", 2),
            new City("GB", "York", "YO", 2),
            new City("GB", "Cardiff", "CF", 2),
            new City("GB", "Brighton", "BN", 2),
            new City("GB", "Norwich", "NR", 2),
            new City("GB", "Bath", "BA", 1),
            new City("IE", "Dublin", "D0", 4),
            new City("IE", "Cork", "T12", 1),
            new City("DE", "Berlin", "10", 2),
            new City("DE", "Hamburg", "20", 1),
            new City("FR", "Paris", "75", 2),
            new City("FR", "Lyon", "69", 1),
            new City("NL", "Amsterdam", "10", 1.5),
            new City("NL", "Rotterdam", "30", 1),
            new City("ES", "Madrid", "28", 1));

    private static final double[] CITY_WEIGHTS =
            CITIES.stream().mapToDouble(City::weight).toArray();

    private static final String[] STREET_NAMES = {
        "Crypt",
        "Cobweb",
        "Bogmoor",
        "Hollow",
        "Raven",
        "Gallows",
        "Mistletoe",
        "Thornbury",
        "Blackwater",
        "Moonrise",
        "Gravestone",
        "Bramble",
        "Wolfsbane",
        "Nightshade",
        "Cauldron",
        "Foxglove",
        "Belfry",
        "Lantern",
        "Marsh",
        "Willow",
        "Ashgrove",
        "Elmstead",
        "Kingsley",
        "Station",
        "Church",
        "Mill",
        "Victoria",
        "Albert",
        "Park",
        "Highfield",
        "Orchard",
        "Chestnut",
        "Oakwood",
        "Mortlake",
        "Grimsdyke",
        "Batsford",
        "Howling",
        "Fogwell"
    };
    private static final String[] GB_SUFFIXES = {"Lane", "Road", "Street", "Close", "Avenue", "Way", "Gardens", "Row"};
    private static final String[] DE_SUFFIXES = {"straße", "weg", "allee", "gasse"};
    private static final String[] FR_PREFIXES = {"rue des", "avenue du", "boulevard de la", "impasse du"};
    private static final String[] NL_SUFFIXES = {"straat", "gracht", "laan", "weg"};
    private static final String[] ES_PREFIXES = {"Calle", "Avenida", "Paseo"};
    private static final String LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    public static City city(Rng rng) {
        return CITIES.get(rng.weighted(CITY_WEIGHTS));
    }

    public static Address address(Rng rng, City city) {
        String name = rng.pick(STREET_NAMES);
        int number = 1 + rng.nextInt(180);
        String street =
                switch (city.country()) {
                    case "DE" -> name + rng.pick(DE_SUFFIXES) + " " + number;
                    case "FR" -> number + " " + rng.pick(FR_PREFIXES) + " " + name;
                    case "NL" -> name + rng.pick(NL_SUFFIXES) + " " + number;
                    case "ES" -> rng.pick(ES_PREFIXES) + " " + name + " " + number;
                    default -> number + " " + name + " " + rng.pick(GB_SUFFIXES);
                };
        return new Address(street, city.name(), postcode(rng, city), city.country());
    }

    static String postcode(Rng rng, City city) {
        String prefix = city.postcodePrefix();
        return switch (city.country()) {
            case "GB" ->
                prefix + (1 + rng.nextInt(18)) + " " + rng.nextInt(10) + LETTERS.charAt(rng.nextInt(LETTERS.length()))
                        + LETTERS.charAt(rng.nextInt(LETTERS.length()));
            case "IE" ->
                (prefix.length() == 2 ? prefix + (1 + rng.nextInt(9)) : prefix) + " "
                        + LETTERS.charAt(rng.nextInt(LETTERS.length())) + rng.digits(2)
                        + LETTERS.charAt(rng.nextInt(LETTERS.length()));
            case "NL" ->
                prefix + rng.digits(2) + " " + LETTERS.charAt(rng.nextInt(LETTERS.length()))
                        + LETTERS.charAt(rng.nextInt(LETTERS.length()));
            default -> prefix + rng.digits(3);
        };
    }

    /** A mobile number valid in the country, in the national format people type. */
    public static String mobile(Rng rng, String country) {
        return switch (country) {
            case "GB" -> "07" + (1 + rng.nextInt(3)) + rng.digits(2) + " " + rng.digits(6);
            case "IE" -> "08" + (5 + rng.nextInt(3)) + " " + rng.digits(3) + " " + rng.digits(4);
            case "DE" -> "017" + rng.nextInt(10) + " " + rng.digits(7);
            case "FR" ->
                "06 " + rng.nextInt(3) + rng.digits(1) + " " + rng.digits(2) + " " + rng.digits(2) + " "
                        + rng.digits(2);
            case "NL" -> "06-" + (1 + rng.nextInt(5)) + rng.digits(7);
            case "ES" -> "6" + rng.digits(2) + " " + rng.digits(3) + " " + rng.digits(3);
            default -> throw new IllegalArgumentException("No phone plan for " + country);
        };
    }

    /** A landline (London numbers for Great Britain, mobile elsewhere). */
    public static String landline(Rng rng, String country) {
        if (country.equals("GB")) {
            return "020 7" + rng.digits(3) + " " + rng.digits(4);
        }
        return mobile(rng, country);
    }

    /** The country calling code, to write a number internationally. */
    public static String callingCode(String country) {
        return switch (country) {
            case "GB" -> "44";
            case "IE" -> "353";
            case "DE" -> "49";
            case "FR" -> "33";
            case "NL" -> "31";
            case "ES" -> "34";
            default -> throw new IllegalArgumentException("No calling code for " + country);
        };
    }

    /** The same number written another way: international, digits only, or as typed. */
    public static String phoneVariant(Rng rng, String phone, String country) {
        String digits = phone.replaceAll("[^0-9]", "");
        return switch (rng.nextInt(4)) {
            case 0 -> "+" + callingCode(country) + " " + (digits.startsWith("0") ? digits.substring(1) : digits);
            case 1 -> digits;
            case 2 -> "+" + callingCode(country) + (digits.startsWith("0") ? digits.substring(1) : digits);
            default -> phone;
        };
    }

    /** The country's name as the UCI Online Retail II data writes it. */
    public static String retailCountryName(String country) {
        return switch (country) {
            case "GB" -> "United Kingdom";
            case "IE" -> "EIRE";
            case "DE" -> "Germany";
            case "FR" -> "France";
            case "NL" -> "Netherlands";
            case "ES" -> "Spain";
            default -> "Unspecified";
        };
    }
}
