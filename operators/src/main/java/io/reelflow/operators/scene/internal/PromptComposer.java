package io.reelflow.operators.scene.internal;

import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes a scene's English prompt as one sentence from its English concepts, each with its glossary
 * category, and the names, titles, camera moves, mood, time cues and style: {@code "A wide shot of
 * a fisherman hauling a net at a harbour at dawn, soft golden light, calm mood, in the style of
 * watercolour."}. Parts are left out, least important first, until the sentence fits the limit.
 * Pure and deterministic.
 */
public final class PromptComposer {

    /** The fixed words the sentences are made of, for readers that skip them (retrieval). */
    public static final Set<String> TEMPLATE_WORDS =
            Set.of(
                    "a",
                    "an",
                    "the",
                    "of",
                    "shot",
                    "medium",
                    "establishing",
                    "light",
                    "mood",
                    "in",
                    "on",
                    "at",
                    "style",
                    "scene",
                    "from",
                    "featuring",
                    "natural",
                    "soft",
                    "warm",
                    "low",
                    "golden",
                    "dim",
                    "blue",
                    "bright",
                    "fresh",
                    "midday",
                    "evening",
                    "overcast",
                    "grey",
                    "harsh",
                    "contrasty",
                    "muted",
                    "night",
                    "close",
                    "with",
                    "and",
                    "under",
                    "during",
                    "day");

    /** Phrase words that only join; a prompt never ends with one. */
    public static final Set<String> JOINING_WORDS =
            Set.of("a", "an", "the", "of", "in", "on", "at", "with", "and", "from", "under");

    private static final Set<String> LIVING = Set.of("people", "animals");
    private static final Set<String> PLACES =
            Set.of("landscape and terrain", "water", "city, buildings and places", "green places");
    private static final Set<String> THINGS =
            Set.of(
                    "plants",
                    "transport",
                    "objects and home",
                    "food and drink",
                    "technology and work",
                    "activities");
    private static final Set<String> ADJECTIVES =
            Set.of("qualities, moods and feelings a picture shows", "colours and light");

    /** Concepts of the adjective categories that are no adjective of a thing. */
    private static final Set<String> NOT_ADJECTIVES =
            Set.of(
                    "calm",
                    "dramatic",
                    "happy",
                    "sad",
                    "freedom",
                    "love",
                    "shadow",
                    "silhouette",
                    "black_and_white",
                    "bright",
                    "dark");

    /** Languages whose adjectives mostly follow their noun. */
    private static final Set<String> ADJECTIVE_AFTER = Set.of("fr", "es", "it", "pt", "ar");

    /** Things a scene happens at, with their preposition: "under a tree", "on a bench". */
    private static final Map<String, String> PLACE_LIKE =
            Map.of("tree", "under", "palm_tree", "under", "bush", "behind", "bench", "on");

    /** Concepts too vague to show; parts of a building are no setting. */
    private static final Set<String> UNSHOWN =
            Set.of("time", "wall", "floor", "door", "roof", "window", "background", "day");

    /** Actions that take what follows as their object ("opening a bakery"). */
    private static final Set<String> TRANSITIVE =
            Set.of(
                    "hauling",
                    "opening",
                    "driving",
                    "slicing",
                    "photographing",
                    "selling",
                    "reading",
                    "playing",
                    "cooking",
                    "eating",
                    "painting",
                    "writing",
                    "fishing");

    /** Actions done to a place named after them ("opening a bakery"). */
    private static final Set<String> PLACE_OBJECTS =
            Set.of("opening", "photographing", "painting", "cleaning");

    /** Words of the activity category ending in -ing that are nouns. */
    private static final Set<String> NOT_ACTIONS = Set.of("wedding", "meeting", "building");

    /** Crops that name their field: "a wheat field". */
    private static final Set<String> CROPS =
            Set.of("wheat", "rice", "sunflower", "tulip", "grapes");

    private static final Set<String> CROP_PLACES = Set.of("field", "meadow", "garden", "plain");

    /** Nouns written without an article. */
    private static final Set<String> NO_ARTICLE =
            Set.of(
                    "people",
                    "vegetables",
                    "bread",
                    "food",
                    "fruit",
                    "water",
                    "grass",
                    "sand",
                    "snow",
                    "rice",
                    "money",
                    "coffee",
                    "tea",
                    "wine",
                    "beer",
                    "cheese",
                    "wheat",
                    "grapes",
                    "berries",
                    "tools",
                    "toys",
                    "fireworks",
                    "wildlife",
                    "nature",
                    "traffic",
                    "music",
                    "football",
                    "family",
                    "friends",
                    "ice",
                    "fog",
                    "rain",
                    "cattle",
                    "sheep",
                    "furniture",
                    "smoke",
                    "technology",
                    "business",
                    "medicine",
                    "construction",
                    "science",
                    "data",
                    "energy");

    private static final Set<String> ON_PLACES =
            Set.of(
                    "wheat_field",
                    "beach",
                    "street",
                    "road",
                    "bridge",
                    "square",
                    "pier",
                    "field",
                    "meadow",
                    "hill",
                    "island",
                    "coast",
                    "path",
                    "mountain",
                    "glacier",
                    "plain",
                    "grassland",
                    "sand_dune",
                    "roof",
                    "stairs",
                    "floor",
                    "ridge",
                    "cliff",
                    "peak",
                    "horizon");

    private static final Set<String> AT_PLACES =
            Set.of("harbour", "station", "airport", "market", "stadium", "sea", "lake", "river");

    private static final Map<String, String> TIME_PHRASES =
            Map.ofEntries(
                    Map.entry("dawn", "at dawn"),
                    Map.entry("sunrise", "at dawn"),
                    Map.entry("morning", "in the morning"),
                    Map.entry("noon", "at noon"),
                    Map.entry("sunset", "at sunset"),
                    Map.entry("dusk", "at dusk"),
                    Map.entry("golden_hour", "at golden hour"),
                    Map.entry("evening", "in the evening"),
                    Map.entry("night", "at night"),
                    Map.entry("day", "during the day"),
                    Map.entry("spring", "in spring"),
                    Map.entry("summer", "in summer"),
                    Map.entry("autumn", "in autumn"),
                    Map.entry("winter", "in winter"));

    private static final Set<String> SEASONS = Set.of("spring", "summer", "autumn", "winter");

    private static final Map<String, String> WEATHER_PHRASES =
            Map.ofEntries(
                    Map.entry("rain", "in the rain"),
                    Map.entry("snow", "in the snow"),
                    Map.entry("storm", "in a storm"),
                    Map.entry("fog", "in the fog"),
                    Map.entry("wind", "in the wind"),
                    Map.entry("lightning", "under lightning"),
                    Map.entry("cloud", "under clouds"),
                    Map.entry("star", "under the stars"),
                    Map.entry("night_sky", "under the stars"),
                    Map.entry("moon", "under the moon"),
                    Map.entry("rainbow", "under a rainbow"),
                    Map.entry("sun", "in the sunshine"),
                    Map.entry("sunlight", "in the sunshine"),
                    Map.entry("sunbeam", "in the sunshine"),
                    Map.entry("frost", "in the frost"));

    private static final Set<String> GREY_WEATHER = Set.of("rain", "snow", "storm", "fog");

    private static final Map<String, String> TIME_LIGHT =
            Map.ofEntries(
                    Map.entry("dawn", "soft golden light"),
                    Map.entry("sunrise", "soft golden light"),
                    Map.entry("morning", "fresh morning light"),
                    Map.entry("noon", "bright midday light"),
                    Map.entry("sunset", "warm low light"),
                    Map.entry("dusk", "warm low light"),
                    Map.entry("golden_hour", "warm low light"),
                    Map.entry("evening", "warm evening light"),
                    Map.entry("night", "dim blue night light"));

    /** A name as written, and whether the text puts it as a place ("in Hamburg"). */
    public record Name(String text, boolean place) {}

    /**
     * An English subject phrase kept as written because the glossary lacks some of its words ("a
     * white windmill"), with the concepts of its words (a person or animal makes it living).
     */
    public record Subject(String text, List<String> concepts) {}

    /**
     * What a prompt is written from.
     *
     * @param concepts English concept tokens in text order
     * @param category the glossary category of a concept
     * @param language the language the concepts were found in (adjective order)
     * @param subject the subject phrase to keep as written; null for none
     * @param names names to keep as written
     * @param titles quoted titles, with their quotes, as written
     * @param moves camera moves
     * @param mood the scene's mood
     * @param timeCues English time labels of the scene analysis
     * @param style the request's style; blank for none
     */
    public record Parts(
            List<String> concepts,
            Function<String, String> category,
            String language,
            Subject subject,
            List<Name> names,
            List<String> titles,
            List<CameraMove> moves,
            Mood mood,
            List<String> timeCues,
            String style) {}

    /**
     * The sentence and the negative prompt.
     *
     * @param hasSubject whether the sentence shows a subject, not only a setting
     */
    public record Composed(String prompt, String negativePrompt, boolean hasSubject) {}

    private static final String BASE_NEGATIVE =
            "blurry, low quality, distorted, watermark, text, subtitles, logo";

    private PromptComposer() {}

    /**
     * Whether {@code concepts} read as one noun with its adjectives ("old lighthouse"), which the
     * composer places itself; "paper boat" (two nouns) or "blue bicycle" (→ cycling) do not.
     */
    public static boolean isOneNoun(List<String> concepts, Function<String, String> category) {
        int nouns = 0;
        for (String concept : concepts) {
            String cat = category.apply(concept);
            boolean action =
                    cat.equals("activities")
                            && concept.endsWith("ing")
                            && !NOT_ACTIONS.contains(concept);
            if (action) {
                return false;
            } else if (LIVING.contains(cat) || PLACES.contains(cat) || THINGS.contains(cat)) {
                nouns++;
            } else if (!ADJECTIVES.contains(cat) || NOT_ADJECTIVES.contains(concept)) {
                return false;
            }
        }
        return nouns == 1;
    }

    /** The prompt for {@code parts}, within {@code fits} if it can be. */
    public static Composed compose(Parts parts, Predicate<String> fits) {
        Draft draft = Draft.of(parts);
        String prompt = draft.write();
        // least important first; names, titles and the subject stay
        for (Runnable drop : draft.dropOrder()) {
            if (fits.test(prompt)) {
                break;
            }
            drop.run();
            prompt = draft.write();
        }
        if (!fits.test(prompt)) {
            prompt = cut(prompt, fits);
        }
        boolean hasSubject =
                draft.phrase != null || draft.subjectName != null || !draft.subjects.isEmpty();
        return new Composed(prompt, negative(draft, fits), hasSubject);
    }

    private static String negative(Draft draft, Predicate<String> fits) {
        String negative = BASE_NEGATIVE;
        // a subject the glossary lacks ("a beekeeper") may be a person: people are not excluded
        if (!draft.living && draft.subjectName == null && draft.phrase == null) {
            negative += ", people";
        } else if (draft.living) {
            negative += ", deformed hands, extra fingers, distorted faces";
        }
        return fits.test(negative) ? negative : cutList(negative, fits);
    }

    /**
     * {@code sentence} (a prompt from here or a model planner's) within {@code fits}: clauses after
     * the first are left out from the end, a style clause last, then words are cut.
     */
    public static String fit(String sentence, Predicate<String> fits) {
        if (fits.test(sentence)) {
            return sentence;
        }
        String body = sentence.strip().replaceAll("[.]+$", "");
        List<String> clauses =
                new ArrayList<>(List.of(body.split(", (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")));
        String style =
                clauses.size() > 1 && clauses.get(clauses.size() - 1).startsWith("in the style of")
                        ? clauses.remove(clauses.size() - 1)
                        : null;
        while (clauses.size() > 1) {
            String candidate = joined(clauses, style);
            if (fits.test(candidate)) {
                return candidate;
            }
            clauses.remove(clauses.size() - 1);
        }
        String candidate = joined(clauses, style);
        return fits.test(candidate) ? candidate : cut(joined(clauses, null), fits);
    }

    private static String joined(List<String> clauses, String style) {
        return String.join(", ", clauses) + (style == null ? "" : ", " + style) + ".";
    }

    /** Whole words off the end, never leaving a joining word last, until it fits. */
    private static String cut(String prompt, Predicate<String> fits) {
        List<String> words = new ArrayList<>(List.of(prompt.replaceAll("[.,]+$", "").split(" ")));
        while (words.size() > 1) {
            words.remove(words.size() - 1);
            while (words.size() > 1
                    && JOINING_WORDS.contains(
                            words.get(words.size() - 1)
                                    .replaceAll("[,.]", "")
                                    .toLowerCase(Locale.ROOT))) {
                words.remove(words.size() - 1);
            }
            String candidate = String.join(" ", words).replaceAll(",$", "") + ".";
            if (fits.test(candidate)) {
                return candidate;
            }
        }
        return words.get(0) + ".";
    }

    private static String cutList(String list, Predicate<String> fits) {
        List<String> items = new ArrayList<>(List.of(list.split(", ")));
        while (items.size() > 1 && !fits.test(String.join(", ", items))) {
            items.remove(items.size() - 1);
        }
        return String.join(", ", items);
    }

    /** The parts of one sentence, each of which can be dropped. */
    private static final class Draft {
        List<String> subjects = new ArrayList<>();
        String phrase;
        String subjectName;
        boolean living;
        String action;
        boolean transitive;
        List<String> objects = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> placeNames = new ArrayList<>();
        String time;
        String season;
        String weather;
        String shot;
        String light;
        String mood;
        List<String> featuring = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String style;
        Map<String, String> adjectives = new HashMap<>();

        static Draft of(Parts parts) {
            Draft d = new Draft();
            List<String> concepts = parts.concepts();
            Function<String, String> category = parts.category();
            List<String> things = new ArrayList<>();
            List<String> places = new ArrayList<>();
            Set<String> times = new LinkedHashSet<>(parts.timeCues());
            boolean livingPhrase = false;
            if (parts.subject() != null) {
                d.phrase = parts.subject().text();
                livingPhrase =
                        parts.subject().concepts().stream()
                                .anyMatch(c -> LIVING.contains(category.apply(c)));
            }
            // the phrase is the first subject; the glossary's may add one more
            int maxSubjects = d.phrase == null ? 2 : 1;
            for (int i = 0; i < concepts.size(); i++) {
                String concept = concepts.get(i);
                String cat = category.apply(concept);
                if (UNSHOWN.contains(concept)) {
                    continue;
                }
                if (PLACE_LIKE.containsKey(concept)) {
                    places.add(concept);
                    continue;
                }
                if (CROPS.contains(concept) && cropPlace(concepts, i) != null) {
                    d.adjectives.putIfAbsent(cropPlace(concepts, i), concept);
                    continue;
                }
                if (LIVING.contains(cat)) {
                    if (d.subjects.size() < maxSubjects) {
                        d.subjects.add(concept);
                    }
                } else if (cat.equals("actions")
                        || (cat.equals("activities")
                                && concept.endsWith("ing")
                                && !NOT_ACTIONS.contains(concept))) {
                    if (d.action == null) {
                        d.action = concept;
                    }
                } else if (PLACES.contains(cat)) {
                    places.add(concept);
                } else if (THINGS.contains(cat)) {
                    things.add(concept);
                } else if (cat.equals("time of day and season")) {
                    times.add(concept);
                } else if (cat.equals("weather and sky")) {
                    if (TIME_PHRASES.containsKey(concept)) {
                        times.add(concept);
                    } else if (d.weather == null && WEATHER_PHRASES.containsKey(concept)) {
                        d.weather = concept;
                    }
                } else if (ADJECTIVES.contains(cat) && !NOT_ADJECTIVES.contains(concept)) {
                    String noun = nounNear(concepts, i, category, parts.language());
                    if (noun != null) {
                        d.adjectives.putIfAbsent(noun, concept);
                    }
                }
            }
            d.living = !d.subjects.isEmpty() || livingPhrase;
            // "opens a bakery", "photograph the cathedral": a place right after the action is
            // what it is done to
            d.transitive = d.action != null && TRANSITIVE.contains(d.action);
            if (d.action != null && PLACE_OBJECTS.contains(d.action) && things.isEmpty()) {
                for (int i = concepts.indexOf(d.action) + 1; i < concepts.size(); i++) {
                    String next = concepts.get(i);
                    if (places.contains(next) && !PLACE_LIKE.containsKey(next)) {
                        places.remove(next);
                        things.add(next);
                        break;
                    }
                }
            }
            for (Name name : parts.names()) {
                if (name.place()) {
                    d.placeNames.add(name.text());
                } else if (d.subjects.isEmpty() && d.subjectName == null && d.phrase == null) {
                    d.subjectName = name.text();
                } else {
                    d.featuring.add(name.text());
                }
            }
            boolean noSubject = d.phrase == null && d.subjectName == null;
            if (d.subjects.isEmpty() && noSubject && !things.isEmpty()) {
                d.subjects.add(things.remove(0));
            }
            if (d.subjects.isEmpty() && noSubject && !places.isEmpty()) {
                d.subjects.add(places.remove(0));
            }
            d.objects.addAll(things.subList(0, Math.min(2, things.size())));
            d.places.addAll(places.subList(0, Math.min(2, places.size())));
            for (String time : times) {
                if (SEASONS.contains(time)) {
                    d.season = d.season == null ? time : d.season;
                } else if (d.time == null && TIME_PHRASES.containsKey(time)) {
                    d.time = time;
                }
            }
            d.titles.addAll(parts.titles());
            d.shot = shot(parts.moves(), d);
            d.light = light(d, parts.mood());
            d.mood = parts.mood() == Mood.NEUTRAL ? null : Vocabulary.label(parts.mood());
            d.style = parts.style() == null || parts.style().isBlank() ? null : parts.style();
            return d;
        }

        /** What to leave out while too long, least important first. */
        List<Runnable> dropOrder() {
            return List.of(
                    () -> light = null,
                    () -> mood = null,
                    () -> trim(objects, 1),
                    () -> trim(places, 1),
                    () -> weather = null,
                    () -> season = null,
                    () -> adjectives.clear(),
                    () -> trim(objects, 0),
                    () -> time = null,
                    () -> trim(places, 0),
                    () -> trim(subjects, 1),
                    () -> action = null,
                    () -> style = null);
        }

        private static void trim(List<String> list, int size) {
            while (list.size() > size) {
                list.remove(list.size() - 1);
            }
        }

        String write() {
            StringBuilder main = new StringBuilder();
            main.append(article(shot)).append(' ').append(shot);
            List<String> who = new ArrayList<>();
            if (phrase != null) {
                // "A white windmill" starts the text, not this sentence
                who.add(Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1));
            }
            if (subjectName != null) {
                who.add(subjectName);
            }
            for (String subject : subjects) {
                who.add(noun(subject));
            }
            if (!who.isEmpty()) {
                main.append(" of ").append(String.join(" and ", who));
            }
            if (action != null) {
                main.append(' ').append(words(action));
                if (transitive && !objects.isEmpty()) {
                    main.append(' ').append(nouns(objects));
                }
            }
            for (String place : places) {
                main.append(' ').append(preposition(place)).append(' ').append(noun(place));
            }
            if ((action == null || !transitive) && !objects.isEmpty()) {
                main.append(" with ").append(nouns(objects));
            }
            for (String name : placeNames) {
                main.append(" in ").append(name);
            }
            if (weather != null) {
                main.append(' ').append(WEATHER_PHRASES.get(weather));
            }
            if (time != null) {
                main.append(' ').append(TIME_PHRASES.get(time));
            }
            if (season != null) {
                main.append(' ').append(TIME_PHRASES.get(season));
            }
            List<String> clauses = new ArrayList<>();
            clauses.add(main.toString());
            if (!featuring.isEmpty()) {
                clauses.add("featuring " + String.join(" and ", featuring));
            }
            for (String title : titles) {
                clauses.add("a scene from " + title);
            }
            if (light != null) {
                clauses.add(light);
            }
            if (mood != null) {
                clauses.add(mood + " mood");
            }
            if (style != null) {
                clauses.add(styleClause(style));
            }
            String sentence = String.join(", ", clauses);
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
        }

        private String noun(String concept) {
            String adjective = adjectives.get(concept);
            String phrase = (adjective == null ? "" : words(adjective) + " ") + words(concept);
            return NO_ARTICLE.contains(concept) ? phrase : article(phrase) + " " + phrase;
        }

        private String nouns(List<String> concepts) {
            List<String> phrases = new ArrayList<>(concepts.size());
            for (String concept : concepts) {
                phrases.add(noun(concept));
            }
            return String.join(" and ", phrases);
        }

        private static String shot(List<CameraMove> moves, Draft d) {
            List<String> kinds = new ArrayList<>(2);
            boolean slow = false;
            for (CameraMove move : moves) {
                switch (move) {
                    case SLOW_MOTION -> slow = true;
                    case PAN -> kinds.add("panning");
                    case UNKNOWN -> {}
                    default -> kinds.add(Vocabulary.label(move));
                }
            }
            String kind;
            if (!kinds.isEmpty()) {
                kind = kinds.get(0);
            } else if (d.living || d.subjectName != null) {
                kind = "medium";
            } else if (d.subjects.isEmpty() && d.phrase == null) {
                kind = "wide establishing";
            } else {
                kind = "wide";
            }
            return (slow ? "slow-motion " : "") + kind + " shot";
        }

        private static String light(Draft d, Mood mood) {
            if (d.time != null && TIME_LIGHT.containsKey(d.time)) {
                return TIME_LIGHT.get(d.time);
            }
            if (d.weather != null && GREY_WEATHER.contains(d.weather)) {
                return "overcast grey light";
            }
            return switch (mood) {
                case CALM -> "soft natural light";
                case JOYFUL -> "bright natural light";
                case TENSE -> "harsh contrasty light";
                case SAD -> "muted light";
                default -> "natural light";
            };
        }
    }

    /** The noun an adjective at {@code index} describes, by the language's word order. */
    private static String nounNear(
            List<String> concepts, int index, Function<String, String> category, String language) {
        int first = ADJECTIVE_AFTER.contains(language) ? -1 : 1;
        for (int step : new int[] {first, -first}) {
            int at = index + step;
            if (at >= 0 && at < concepts.size()) {
                String cat = category.apply(concepts.get(at));
                if (LIVING.contains(cat) || PLACES.contains(cat) || THINGS.contains(cat)) {
                    return concepts.get(at);
                }
            }
        }
        return null;
    }

    private static String styleClause(String style) {
        String lower = style.toLowerCase(Locale.ROOT);
        return lower.startsWith("in ") || lower.contains("style")
                ? style
                : "in the style of " + style;
    }

    /** The field, meadow or garden next to a crop at {@code index}; null if none. */
    private static String cropPlace(List<String> concepts, int index) {
        for (int at : new int[] {index + 1, index - 1}) {
            if (at >= 0 && at < concepts.size() && CROP_PLACES.contains(concepts.get(at))) {
                return concepts.get(at);
            }
        }
        return null;
    }

    private static String preposition(String place) {
        if (PLACE_LIKE.containsKey(place)) {
            return PLACE_LIKE.get(place);
        }
        if (ON_PLACES.contains(place)) {
            return "on";
        }
        return AT_PLACES.contains(place) ? "at" : "in";
    }

    private static String words(String concept) {
        return concept.replace('_', ' ');
    }

    private static String article(String phrase) {
        return "aeiou".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0 ? "an" : "a";
    }
}
