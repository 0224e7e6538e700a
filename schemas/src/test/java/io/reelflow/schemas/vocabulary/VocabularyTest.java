package io.reelflow.schemas.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.codec.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests for {@link Vocabulary} and the {@link CameraMove} and {@link Mood} enums on the wire. */
class VocabularyTest {

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void shouldReadEveryCameraMoveBackFromItsLabelAndSymbol(CameraMove move) {
        assertThat(Vocabulary.cameraMove(Vocabulary.label(move))).isEqualTo(move);
        assertThat(Vocabulary.cameraMove(move.name())).isEqualTo(move);
    }

    @ParameterizedTest
    @EnumSource(Mood.class)
    void shouldReadEveryMoodBackFromItsLabelAndSymbol(Mood mood) {
        assertThat(Vocabulary.mood(Vocabulary.label(mood))).isEqualTo(mood);
        assertThat(Vocabulary.isMood(mood.name())).isTrue();
    }

    @Test
    void shouldReadSpellingVariantsAndRejectUnknownWords() {
        assertThat(Vocabulary.cameraMove("Close up")).isEqualTo(CameraMove.CLOSE_UP);
        assertThat(Vocabulary.cameraMove("slow-motion")).isEqualTo(CameraMove.SLOW_MOTION);
        assertThat(Vocabulary.cameraMove("dolly zoom")).isEqualTo(CameraMove.UNKNOWN);
        assertThat(Vocabulary.cameraMove(null)).isEqualTo(CameraMove.UNKNOWN);
        assertThat(Vocabulary.mood("melancholic")).isEqualTo(Mood.NEUTRAL);
        assertThat(Vocabulary.isMood("melancholic")).isFalse();
        assertThat(Vocabulary.label(CameraMove.SLOW_MOTION)).isEqualTo("slow motion");
    }

    @Test
    void shouldWriteEnumsAsReadableSymbolsInJsonAndReadThemBack() throws Exception {
        Scene scene = scene();

        byte[] json = RecordJson.toJson(scene);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.get("sceneMood").asText()).isEqualTo("TENSE");
        assertThat(tree.get("cameraMoves").get(0).asText()).isEqualTo("CLOSE_UP");
        assertThat(RecordJson.fromJson(json, Scene.class)).isEqualTo(scene);
    }

    @Test
    void shouldReadAnUnknownSymbolOfANewerWriterAsTheEnumDefault() throws Exception {
        Schema newer =
                new Schema.Parser()
                        .parse(
                                Scene.getClassSchema()
                                        .toString()
                                        .replace("\"TIME_LAPSE\"", "\"TIME_LAPSE\",\"DOLLY\"")
                                        .replace("\"SAD\"", "\"SAD\",\"EERIE\""));
        Schema moodSchema = newer.getField("sceneMood").schema();
        Schema moveSchema = newer.getField("cameraMoves").schema().getElementType();
        GenericRecord written = new GenericData.Record(newer);
        written.put("index", 0);
        written.put("text", "x");
        written.put("startSeconds", 0.0);
        written.put("endSeconds", 1.0);
        written.put("keywords", List.of());
        written.put("entities", List.of());
        written.put("sceneMood", new GenericData.EnumSymbol(moodSchema, "EERIE"));
        written.put(
                "cameraMoves",
                List.of(
                        new GenericData.EnumSymbol(moveSchema, "DOLLY"),
                        new GenericData.EnumSymbol(moveSchema, "PAN")));
        written.put("timeCues", List.of());
        written.put("prompt", "p");
        written.put("negativePrompt", "");
        written.put("spokenSpans", List.of());

        Scene read =
                new SpecificDatumReader<Scene>(newer, Scene.getClassSchema())
                        .read(
                                null,
                                DecoderFactory.get().binaryDecoder(binary(newer, written), null));

        assertThat(read.getSceneMood()).isEqualTo(Mood.NEUTRAL);
        assertThat(read.getCameraMoves()).containsExactly(CameraMove.UNKNOWN, CameraMove.PAN);
    }

    @Test
    void shouldReadASceneWrittenBeforeTheEnumsAndBeReadByTheOldSchema() throws Exception {
        Schema before;
        try (InputStream in = getClass().getResourceAsStream("Scene-before-enums.avsc")) {
            before = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericData.Record(before);
        old.put("index", 2);
        old.put("text", "Storm over the sea.");
        old.put("startSeconds", 1.0);
        old.put("endSeconds", 2.0);
        old.put("keywords", List.of("storm"));
        old.put("entities", List.of());
        old.put("mood", "tense");
        old.put("cameraCues", List.of("aerial"));
        old.put("timeCues", List.of());
        old.put("prompt", "cinematic shot of storm");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<Scene>(Scene.class).write(scene(), encoder);
        encoder.flush();

        Scene read =
                new SpecificDatumReader<Scene>(before, Scene.getClassSchema())
                        .read(null, DecoderFactory.get().binaryDecoder(binary(before, old), null));
        GenericRecord readByOld =
                new GenericDatumReader<GenericRecord>(Scene.getClassSchema(), before)
                        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read.getText()).isEqualTo("Storm over the sea.");
        assertThat(read.getSceneMood()).isEqualTo(Mood.NEUTRAL);
        assertThat(read.getCameraMoves()).isEmpty();
        assertThat(read.getNegativePrompt()).isEmpty();
        assertThat(readByOld.get("mood")).isNull();
        assertThat(readByOld.get("prompt").toString()).isEqualTo(scene().getPrompt());
    }

    private static Scene scene() {
        return Scene.newBuilder()
                .setIndex(0)
                .setText("Close-up: the storm breaks.")
                .setStartSeconds(0)
                .setEndSeconds(3)
                .setSceneMood(Mood.TENSE)
                .setCameraMoves(List.of(CameraMove.CLOSE_UP))
                .setPrompt("A close-up shot of a storm, tense mood.")
                .setNegativePrompt("text")
                .build();
    }

    private static byte[] binary(Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
