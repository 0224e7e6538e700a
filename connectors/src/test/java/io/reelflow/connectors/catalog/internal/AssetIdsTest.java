package io.reelflow.connectors.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link AssetIds}. */
class AssetIdsTest {
    private static final String SHA = "3fa2b1c9" + "0".repeat(56);

    @Test
    void shouldJoinSlugOfFileNameAndChecksumStart() {
        assertThat(AssetIds.of("01-Bridge by Sander.JPG", SHA))
                .isEqualTo("01-bridge-by-sander-3fa2b1c9");
        assertThat(AssetIds.of("Café_Crème.png", SHA)).isEqualTo("cafe-creme-3fa2b1c9");
    }

    @Test
    void shouldFallBackWhenNameHasNoLettersOrDigits() {
        assertThat(AssetIds.of("___.jpg", SHA)).isEqualTo("asset-3fa2b1c9");
    }

    @Test
    void shouldKeepIdsShortForLongNames() {
        assertThat(AssetIds.of("a".repeat(200) + ".mp4", SHA)).hasSize(48 + 9);
    }

    @Test
    void shouldMakeTitleFromFileName() {
        assertThat(AssetIds.title("01-bridge_at--night.jpg")).isEqualTo("01 bridge at night");
        assertThat(AssetIds.title("README")).isEqualTo("README");
    }
}
