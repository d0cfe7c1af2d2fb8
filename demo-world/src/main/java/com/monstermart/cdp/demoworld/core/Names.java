package com.monstermart.cdp.demoworld.core;

import java.util.Locale;
import java.util.Map;

/** Monster-flavoured but realistic names, e-mail addresses and the ways people mistype them. */
public final class Names {
    private Names() {}

    private static final String[] FIRST_NAMES = {
        "Grizelda",
        "Morticia",
        "Boris",
        "Igor",
        "Vlad",
        "Elvira",
        "Drusilla",
        "Mortimer",
        "Ebenezer",
        "Lilith",
        "Wendell",
        "Agatha",
        "Bartholomew",
        "Cornelius",
        "Dagmar",
        "Esmeralda",
        "Fenella",
        "Gideon",
        "Hester",
        "Ichabod",
        "Jezebel",
        "Lucius",
        "Mildred",
        "Nosferatu",
        "Ophelia",
        "Percival",
        "Quentin",
        "Rowena",
        "Silas",
        "Theodora",
        "Ursula",
        "Victor",
        "Wilhelmina",
        "Xavier",
        "Yvaine",
        "Zachariah",
        "Barnaby",
        "Cordelia",
        "Damien",
        "Edgar",
        "Frankie",
        "Griselda",
        "Hildegard",
        "Isadora",
        "Jasper",
        "Kasimir",
        "Lenore",
        "Magnus",
        "Nyx",
        "Octavia",
        "Prudence",
        "Raven",
        "Salem",
        "Tabitha",
        "Ulric",
        "Vesper",
        "Winifred",
        "Emma",
        "Oliver",
        "Sophie",
        "Liam",
        "Amelia",
        "Noah",
        "Olivia",
        "Harry",
        "Isla",
        "George",
        "Ava",
        "Jack",
        "Mia",
        "Charlie",
        "Grace",
        "Thomas",
        "Lily",
        "Oscar",
        "Freya",
        "James",
        "Ella",
        "William",
        "Chloe",
        "Henry",
        "Evie",
        "Leo",
        "Ruby",
        "Arthur",
        "Poppy",
        "Alfie",
        "Florence",
        "Aoife",
        "Siobhan",
        "Cillian",
        "Niamh",
        "Lukas",
        "Greta",
        "Matthias",
        "Camille",
        "Lucien",
        "Margaux",
        "Sven",
        "Anouk",
        "Joris",
        "Lucía",
        "Mateo",
        "Zoë",
        "Renée",
        "Björn",
        "Maëlle"
    };

    private static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("Grizelda", "Griz"),
            Map.entry("Bartholomew", "Bart"),
            Map.entry("Cornelius", "Neil"),
            Map.entry("Esmeralda", "Essie"),
            Map.entry("Mortimer", "Morty"),
            Map.entry("Wilhelmina", "Mina"),
            Map.entry("Theodora", "Teddy"),
            Map.entry("Zachariah", "Zach"),
            Map.entry("Frankie", "Frank"),
            Map.entry("William", "Bill"),
            Map.entry("Thomas", "Tom"),
            Map.entry("Oliver", "Ollie"),
            Map.entry("Percival", "Percy"),
            Map.entry("Winifred", "Winnie"),
            Map.entry("Hildegard", "Hilde"),
            Map.entry("Octavia", "Tavi"),
            Map.entry("James", "Jim"),
            Map.entry("Henry", "Hal"),
            Map.entry("Alfie", "Alf"),
            Map.entry("Florence", "Flo"));

    private static final String[] SURNAME_STARTS = {
        "Fang", "Grim", "Black", "Moon", "Bone", "Crow", "Mold", "Dread", "Gloom", "Hollow", "Ash", "Thorn", "Wolf",
        "Bat", "Raven", "Dusk", "Frost", "Marsh", "Stone", "Tomb", "Night", "Shadow", "Mist", "Cobb", "Fog", "Hex",
        "Blood", "Moss", "Wick", "Brim", "Gore", "Creep", "Murk", "Grave", "Cinder", "Elder", "Kettle", "Hob"
    };
    private static final String[] SURNAME_ENDS = {
        "sworth", "ley", "wood", "ington", "bury", "well", "stone", "field", "more", "hart", "wick", "by", "ford",
        "shaw", "ridge", "thorpe", "bottom", "hollow", "croft", "ham", "hurst", "bane", "gate", "dale"
    };
    private static final String[] PLAIN_SURNAMES = {
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Evans",
        "Thomas",
        "Murphy",
        "O'Brien",
        "Kelly",
        "Müller",
        "Schneider",
        "Dubois",
        "Lefèvre",
        "de Vries",
        "van Dijk",
        "García",
        "Fernández",
        "Ó Súilleabháin"
    };

    /** Domains under reserved test TLDs: nothing is ever delivered to them. */
    private static final String[] EMAIL_DOMAINS = {
        "cryptmail.example",
        "hauntbox.example",
        "gloom.example",
        "batpost.example",
        "cobweb.example",
        "monstermail.example",
        "screech.example",
        "fangmail.example"
    };

    private static final String[] DOMAIN_TYPOS = {
        "crytpmail.example",
        "huantbox.example",
        "glom.example",
        "batpost.exmaple",
        "cobwebb.example",
        "monstermial.example",
        "screetch.example",
        "fangmail.exampel"
    };

    /** Placeholders that staff type when a customer gives nothing; shared by many people. */
    public static final String[] PLACEHOLDER_EMAILS = {
        "noemail@monstermart.example", "test@monstermart.example", "none@none.example"
    };

    public static final String PLACEHOLDER_PHONE = "07700 900000";

    public static String firstName(Rng rng) {
        return rng.pick(FIRST_NAMES);
    }

    public static String lastName(Rng rng) {
        if (rng.chance(0.25)) {
            return rng.pick(PLAIN_SURNAMES);
        }
        return rng.pick(SURNAME_STARTS) + rng.pick(SURNAME_ENDS);
    }

    public static String nickname(String firstName) {
        return NICKNAMES.getOrDefault(firstName, firstName);
    }

    public static boolean hasNickname(String firstName) {
        return NICKNAMES.containsKey(firstName);
    }

    /** A lower-case ASCII local part from a name: Zoë O'Brien → zoe.obrien. */
    public static String ascii(String name) {
        String normalized = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return normalized.replaceAll("[^a-z]", "");
    }

    public static String email(Rng rng, String first, String last, long discriminator) {
        String f = ascii(first);
        String l = ascii(last);
        String local =
                switch (rng.nextInt(6)) {
                    case 0 -> f + "." + l;
                    case 1 -> f.charAt(0) + l;
                    case 2 -> f + l + (discriminator % 100);
                    case 3 -> f + "_" + l;
                    case 4 -> l + "." + f;
                    default -> f + "." + l + (1950 + discriminator % 60);
                };
        // The discriminator keeps different persons' addresses apart.
        return local + "." + Long.toString(discriminator, 36) + "@" + rng.pick(EMAIL_DOMAINS);
    }

    /** A typo in an e-mail address: a swapped pair, a dropped letter, or a misspelt domain. */
    public static String emailTypo(Rng rng, String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        switch (rng.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < EMAIL_DOMAINS.length; i++) {
                    if (EMAIL_DOMAINS[i].equals(domain)) {
                        return local + "@" + DOMAIN_TYPOS[i];
                    }
                }
                return local + "@" + domain;
            }
            case 1 -> {
                return typo(rng, local) + "@" + domain;
            }
            default -> {
                return local.toUpperCase(Locale.ROOT) + "@" + domain;
            }
        }
    }

    /** A typo in a name or word: swap two neighbours, drop or double a letter. */
    public static String typo(Rng rng, String text) {
        if (text.length() < 3) {
            return text;
        }
        int i = 1 + rng.nextInt(text.length() - 2);
        return switch (rng.nextInt(3)) {
            case 0 -> text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
            case 1 -> text.substring(0, i) + text.substring(i + 1);
            default -> text.substring(0, i) + text.charAt(i) + text.substring(i);
        };
    }
}
