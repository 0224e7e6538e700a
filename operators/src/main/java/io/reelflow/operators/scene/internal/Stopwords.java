package io.reelflow.operators.scene.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Small built-in stopword lists (articles, pronouns, prepositions, conjunctions, auxiliaries and
 * frequent adverbs), enough to keep function words out of keywords and entities.
 */
public final class Stopwords {

    private static final Map<String, Set<String>> BY_LANGUAGE =
            Map.ofEntries(
                    Map.entry(
                            "en",
                            words(
                                    "a an the and or but nor so yet if then than that this these those"
                                            + " there here it its it's i me my mine we us our ours you your"
                                            + " yours he him his she her hers they them their theirs what"
                                            + " which who whom whose when where why how all any both each few"
                                            + " more most other some such no not only own same too very can"
                                            + " will just should now is are was were be been being have has"
                                            + " had having do does did doing would could might must shall may"
                                            + " of at by for with about against between into through during"
                                            + " before after above below to from up down in out on off over"
                                            + " under again further once as until while also just like one around across along"
                                            + " behind beyond near toward towards upon within without among"
                                            + " get gets got let lets make makes made")),
                    Map.entry(
                            "de",
                            words(
                                    "der die das den dem des ein eine einer eines einem einen und oder"
                                            + " aber doch sondern denn wenn weil dass ob als wie so auch nur"
                                            + " noch schon nicht kein keine keinen ich du er sie es wir ihr"
                                            + " mich dich sich uns euch mir dir ihm ihn ihnen mein dein sein"
                                            + " unser euer ihre ihrem ihren seine seinem seinen meine meinem"
                                            + " meinen dieser diese dieses diesem diesen jener jene welche"
                                            + " welcher welches ist sind war waren bin bist seid sein gewesen"
                                            + " hat haben hatte hatten habe wird werden wurde wurden worden"
                                            + " kann können konnte muss müssen soll sollen will wollen mag in"
                                            + " im an am auf aus bei mit nach von vom zu zum zur über unter"
                                            + " vor hinter neben zwischen durch für gegen ohne um bis seit"
                                            + " während da dort hier dann jetzt sehr man")),
                    Map.entry(
                            "fr",
                            words(
                                    "le la les un une des du de d l et ou mais donc or ni car que qui"
                                            + " quoi dont où ce cet cette ces ceci cela ça il elle ils elles on"
                                            + " je tu nous vous me te se lui leur leurs mon ma mes ton ta tes"
                                            + " son sa ses notre nos votre vos est sont était étaient être été"
                                            + " a ont avait avaient avoir fait faire dans sur sous avec sans"
                                            + " pour par en au aux chez vers entre pendant depuis comme si ne"
                                            + " pas plus moins très tout tous toute toutes aussi y là puis"
                                            + " alors")),
                    Map.entry(
                            "es",
                            words(
                                    "el la los las un una unos unas lo al del de y e o u pero sino que"
                                            + " quien quién cual cuál cuando donde dónde como cómo este esta"
                                            + " estos estas ese esa esos esas aquel aquella yo tú él ella"
                                            + " nosotros vosotros ellos ellas me te se nos os le les mi mis tu"
                                            + " tus su sus nuestro nuestra es son era eran ser fue fueron está"
                                            + " están estaba estar ha han había haber hay en con sin por para"
                                            + " sobre entre hacia desde hasta durante no ni muy más menos"
                                            + " también ya si sí todo todos toda todas")),
                    Map.entry(
                            "it",
                            words(
                                    "il lo la i gli le un uno una di a da in con su per tra fra del"
                                            + " della dei degli delle al allo alla ai agli alle dal dalla nel"
                                            + " nella sul sulla e ed o ma però che chi cui come quando dove"
                                            + " questo questa questi queste quello quella io tu lui lei noi"
                                            + " voi loro mi ti si ci vi mio mia tuo tua suo sua nostro è sono"
                                            + " era erano essere stato ha hanno aveva avere non più molto"
                                            + " anche già se tutto tutti")),
                    Map.entry(
                            "pt",
                            words(
                                    "o a os as um uma uns umas de do da dos das em no na nos nas por"
                                            + " pelo pela para com sem sobre entre e ou mas que quem qual"
                                            + " quando onde como este esta estes estas esse essa isso aquele"
                                            + " aquela eu tu ele ela nós vós eles elas me te se lhe nos meu"
                                            + " minha teu tua seu sua nosso é são era eram ser foi foram está"
                                            + " estão estava estar tem têm tinha ter há não mais muito também"
                                            + " já se todo todos toda todas ao aos à às")),
                    Map.entry(
                            "nl",
                            words(
                                    "de het een en of maar want dus als dan dat die dit deze wie wat"
                                            + " welk welke waar wanneer hoe ik jij je hij zij ze wij we jullie"
                                            + " mij me jou hem haar ons hun mijn jouw zijn onze uw is was"
                                            + " waren ben bent zijn geweest heeft hebben had hadden wordt"
                                            + " worden werd kan kunnen moet moeten zal zullen in op aan uit"
                                            + " bij met naar van voor door over onder tussen tot om te er"
                                            + " hier daar niet geen ook nog al zeer heel")),
                    Map.entry(
                            "ru",
                            words(
                                    "и в во не что он на я с со как а то все всё она так его но да ты к"
                                            + " у же вы за бы по только её ее мне было вот от меня ещё еще"
                                            + " нет о из ему теперь когда даже ну ли если уже или ни быть был"
                                            + " была были было него до вас нибудь опять уж вам ведь там"
                                            + " потом себя ничего ей может они тут где есть надо ней для мы"
                                            + " тебя их чем сам чтобы без будто чего раз тоже себе под будет"
                                            + " ж тогда кто этот эта это эти того потому этого какой совсем"
                                            + " ним здесь этом один почти мой тем чтоб нее сейчас куда зачем"
                                            + " всех никогда можно при наконец два об другой хоть после над"
                                            + " больше тот через этих нас про всего них какая много разве"
                                            + " три эту моя впрочем хорошо свою этой перед иногда лучше чуть"
                                            + " том нельзя такой им более всегда конечно всю между")),
                    Map.entry(
                            "zh",
                            words(
                                    "的 了 是 在 和 与 或 也 就 都 而 及 着 把 被 这 那 这个 那个 我 你 他 她"
                                            + " 它 我们 你们 他们 有 一个 们 吗 呢 吧 啊 呀 很 又 还 上 中 里")),
                    Map.entry(
                            "hi",
                            words(
                                    "का के की को में से पर है हैं था थे थी थीं हो होता होती होते रहा रहे"
                                            + " रही और या लेकिन कि जो यह वह ये वे इस उस इन उन एक भी तो ही"
                                            + " ने तक मैं हम तुम आप")),
                    Map.entry(
                            "ar",
                            words(
                                    "في من إلى على عن مع هذا هذه ذلك تلك هو هي هم هل و أو ثم لكن أن إن"
                                            + " كان كانت التي الذي الذين ما لا لم لن قد كل بين عند")),
                    Map.entry(
                            "th",
                            words(
                                    "ที่ ของ และ ใน กับ จะ ได้ ไม่ เป็น มี ให้ ว่า อยู่ นี้ นั้น อัน การ ความ ก็ แต่ หรือ")),
                    Map.entry(
                            "ja",
                            words(
                                    "の に は を た が で て と し れ さ ある いる も する から な こと"
                                            + " として い や れる など なっ ない この ため その あっ よう また"
                                            + " もの という あり まで られ なる へ か だ これ によって により"
                                            + " おり より による ず なり られる において ば なかっ なく しかし"
                                            + " について せ だっ その後 できる それ う ので なお のみ でき き"
                                            + " つ における および いう さらに でも ら たり です ます でし"
                                            + " ましょう しょう")));

    private static final Set<String> ALL;
    private static final Map<String, Set<String>> WITH_ENGLISH = new HashMap<>();

    static {
        Set<String> all = new HashSet<>();
        BY_LANGUAGE.values().forEach(all::addAll);
        ALL = Set.copyOf(all);
        BY_LANGUAGE.forEach(
                (language, own) -> {
                    Set<String> withEnglish = new HashSet<>(own);
                    withEnglish.addAll(BY_LANGUAGE.get("en"));
                    WITH_ENGLISH.put(language, Set.copyOf(withEnglish));
                });
    }

    private Stopwords() {}

    /**
     * The stopwords to drop for a text in {@code language}: its own list plus the English one
     * (English words turn up in most texts); every list when the language has none.
     */
    public static Set<String> forLanguage(String language) {
        return WITH_ENGLISH.getOrDefault(language, ALL);
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }
}
