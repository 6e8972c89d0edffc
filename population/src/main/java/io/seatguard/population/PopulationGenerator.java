package io.seatguard.population;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Draws people and their devices from the {@link Catalog}, seeded so the same seed always gives the
 * same population: 70 % of people have one device, 22 % two, 8 % three; 8 % of people are sharers who
 * use another person's account from devices of their own; 10 % of the others are employees whose first
 * device is a laptop of their company's {@link Fleet} (fleets of 10 to 160 identical laptops).
 */
final class PopulationGenerator {
    static final double SHARER_SHARE = 0.08;
    static final double TRAVELLER_SHARE = 0.06;
    static final double EMPLOYEE_SHARE = 0.10;
    /**
     * Browsers whose user adds a language during the run. Deliberately high (people change their
     * language list far less than once a year): it is the drift that the matcher refuses to cross.
     */
    static final double LANGUAGE_ADDED_SHARE = 0.01;

    private final Random random;
    /** Draws the language changes apart from {@link #random}, so the rest of the population stays as it was. */
    private final Random settings;
    private Fleet fleet;
    private int fleetSeats;
    private int fleets;

    PopulationGenerator(long seed) {
        this.random = new Random(seed);
        this.settings = new Random(~seed);
    }

    /** At least {@code deviceCount} devices (the last person's extra devices may go one or two over). */
    List<PhysicalDevice> generate(int deviceCount) {
        List<PhysicalDevice> devices = new ArrayList<>(deviceCount + 2);
        List<Person> owners = new ArrayList<>();
        int personIndex = 0;
        while (devices.size() < deviceCount) {
            Person person = person(personIndex++, owners);
            if (person.account.equals("acct-" + person.index)) {
                owners.add(person);
            }
            double draw = random.nextDouble();
            int count = draw < 0.70 ? 1 : draw < 0.92 ? 2 : 3;
            Platform first = null;
            if (person.fleet.isPresent()) {
                devices.add(withSettings(fleetLaptop(devices.size(), person, person.fleet.get())));
                first = person.fleet.get().model().platform();
            }
            for (int i = first != null ? 1 : 0; i < count && devices.size() < deviceCount; i++) {
                Platform platform = pick(Catalog.PLATFORMS);
                if (first != null && platform == first && random.nextDouble() < 0.8) {
                    // A second device is usually another kind (a laptop and a phone).
                    platform = pick(Catalog.PLATFORMS);
                }
                first = first == null ? platform : first;
                devices.add(withSettings(device(devices.size(), person, platform)));
            }
        }
        return devices;
    }

    private PhysicalDevice withSettings(PhysicalDevice device) {
        if (settings.nextDouble() < LANGUAGE_ADDED_SHARE) {
            device.languagesChangedOnDay = settings.nextInt(Simulation.DAYS);
        }
        return device;
    }

    private Person person(int index, List<Person> owners) {
        boolean sharer = !owners.isEmpty() && random.nextDouble() < SHARER_SHARE;
        String account = sharer ? owners.get(random.nextInt(owners.size())).account : "acct-" + index;
        Optional<Fleet> employer = !sharer && random.nextDouble() < EMPLOYEE_SHARE ? Optional.of(seatInFleet()) : Optional.empty();
        String zone = employer.map(Fleet::zone).orElseGet(() -> pick(Catalog.TIMEZONES));
        String languages = employer.map(Fleet::languages).orElseGet(() -> pick(Catalog.LANGUAGES));
        Optional<Person.Trip> trip = Optional.empty();
        if (random.nextDouble() < TRAVELLER_SHARE) {
            double from = 5 + random.nextDouble() * 45;
            trip = Optional.of(new Person.Trip(from, from + 4 + random.nextInt(7), Catalog.TRAVEL_ZONES.get(random.nextInt(Catalog.TRAVEL_ZONES.size()))));
        }
        String ip = employer.isPresent() ? "198.51." + (employer.get().index() % 256) + ".10" : Catalog.HOME_NETWORKS.get(random.nextInt(Catalog.HOME_NETWORKS.size()))
                + random.nextInt(256) + "." + (1 + random.nextInt(254));
        return new Person(index, account, ip, zone, languages, trip, employer);
    }

    /** A seat in the current fleet, starting a new one when it is full: sizes 10 to 160, most small. */
    private Fleet seatInFleet() {
        if (fleet == null || fleetSeats >= fleet.size()) {
            int size = (int) Math.round(10 * Math.pow(2, random.nextDouble() * random.nextDouble() * 4));
            boolean mac = random.nextDouble() < 0.2;
            List<Catalog.Weighted<Model>> laptops = Catalog.MODELS.stream()
                    .filter(m -> m.platform() == (mac ? Platform.MACOS : Platform.WINDOWS) && m.externalMonitor())
                    .map(m -> new Catalog.Weighted<>(m, m.weight())).toList();
            Model model = pick(laptops);
            Browser browser = mac ? Browser.CHROME : random.nextBoolean() ? Browser.EDGE : Browser.CHROME;
            List<String> fonts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String font = Catalog.EXTRA_FONTS.get(random.nextInt(Catalog.EXTRA_FONTS.size()));
                if (!fonts.contains(font)) {
                    fonts.add(font);
                }
            }
            fonts.sort(String::compareTo);
            fleet = new Fleet(fleets++, size, model, browser, model.screens().getFirst(), Optional.of(random.nextBoolean() ? "2560x1440" : "1920x1080"),
                    List.copyOf(fonts), random.nextInt(28), 130, pick(Catalog.TIMEZONES), pick(Catalog.LANGUAGES));
            fleetSeats = 0;
        }
        fleetSeats++;
        return fleet;
    }

    /** A laptop of the fleet: everything but the token is the fleet's (managed image, managed updates). */
    private PhysicalDevice fleetLaptop(int index, Person person, Fleet fleet) {
        return new PhysicalDevice(index, person, person.account, fleet.model(), fleet.browser(), fleet.screen(), fleet.dockedScreen(),
                fleet.updateOffsetDays(), fleet.firstVersion(), fleet.fonts(), -1, "", newToken(), Optional.of(fleet));
    }

    private PhysicalDevice device(int index, Person person, Platform platform) {
        List<Catalog.Weighted<Model>> models = Catalog.MODELS.stream().filter(m -> m.platform() == platform)
                .map(m -> new Catalog.Weighted<>(m, m.weight())).toList();
        Model model = pick(models);
        Browser browser = browser(platform, model);
        String screen = model.screens().get(Math.min(model.screens().size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 2) * model.screens().size())));
        Optional<String> docked = model.externalMonitor() && random.nextDouble() < 0.3
                ? Optional.of(random.nextBoolean() ? "2560x1440" : "1920x1080")
                : Optional.empty();
        boolean desktop = platform == Platform.WINDOWS || platform == Platform.MACOS || platform == Platform.LINUX;
        List<String> extras = new ArrayList<>();
        if (desktop && random.nextDouble() < 0.3) {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String font = Catalog.EXTRA_FONTS.get(random.nextInt(Catalog.EXTRA_FONTS.size()));
                if (!extras.contains(font)) {
                    extras.add(font);
                }
            }
            extras.sort(String::compareTo);
        }
        int fontDay = desktop && random.nextDouble() < 0.10 ? random.nextInt(60) : -1;
        String addedFont = Catalog.EXTRA_FONTS.get(random.nextInt(Catalog.EXTRA_FONTS.size()));
        // Most browsers are on the current version, some one or two behind.
        int version = 130 - (random.nextDouble() < 0.75 ? 0 : 1 + random.nextInt(2));
        return new PhysicalDevice(index, person, person.account, model, browser, screen, docked, random.nextInt(28), version, extras, fontDay,
                addedFont, newToken(), Optional.empty());
    }

    private Browser browser(Platform platform, Model model) {
        double draw = random.nextDouble();
        return switch (platform) {
            case WINDOWS -> draw < 0.65 ? Browser.CHROME : draw < 0.85 ? Browser.EDGE : Browser.FIREFOX;
            case MACOS -> draw < 0.50 ? Browser.SAFARI : draw < 0.95 ? Browser.CHROME : Browser.FIREFOX;
            case LINUX -> draw < 0.60 ? Browser.CHROME : Browser.FIREFOX;
            case IPHONE -> Browser.SAFARI;
            case ANDROID_PHONE -> draw < 0.85 ? Browser.CHROME : Browser.SAMSUNG;
            case TABLET -> model.webglVendor().equals("Apple Inc.") ? Browser.SAFARI : Browser.CHROME;
        };
    }

    String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private <T> T pick(List<Catalog.Weighted<T>> options) {
        double total = 0;
        for (Catalog.Weighted<T> option : options) {
            total += option.weight();
        }
        double draw = random.nextDouble() * total;
        for (Catalog.Weighted<T> option : options) {
            draw -= option.weight();
            if (draw < 0) {
                return option.value();
            }
        }
        return options.getLast().value();
    }
}
