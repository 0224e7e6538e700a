package io.reelflow.operators.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link LanguageTags}. */
class LanguageTagsTest {

    @Test
    void shouldReadThePrimaryLanguageOfTagsAndRefuseWhatIsNoLanguage() {
        assertThat(LanguageTags.primaryLanguage("de-DE")).isEqualTo("de");
        assertThat(LanguageTags.primaryLanguage(" PT_br ")).isEqualTo("pt");
        assertThat(LanguageTags.primaryLanguage("yue-HK")).isEqualTo("yue");
        assertThat(LanguageTags.primaryLanguage(null)).isEqualTo("und");
        assertThat(LanguageTags.primaryLanguage("1234")).isEqualTo("und");
    }

    @Test
    void shouldNormaliseBeforeTakingThePrimarySubtag() {
        assertThat(LanguageTags.normalize(" zh_Hant_TW ")).isEqualTo("zh-hant-tw");
        assertThat(LanguageTags.primarySubtag("zh-hant-tw")).isEqualTo("zh");
        assertThat(LanguageTags.primarySubtag("en")).isEqualTo("en");
    }
}
