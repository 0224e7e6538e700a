package io.reelflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests for the fields that carry repair alternatives and render jobs ({@link
 * ScenePlan#getSceneAlternatives()}, {@link SceneTask#getAlternatives()}, {@link
 * SceneClip#getAlternatives()}, {@link RenderedVideo#getJob()}) and {@link ScoredVideo}: records
 * and state written before them stay readable, and older readers read the new ones.
 */
class RepairFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "io.reelflow.schemas.ScenePlan, sceneAlternatives",
        "io.reelflow.schemas.SceneTask, alternatives",
        "io.reelflow.schemas.SceneClip, alternatives",
        "io.reelflow.schemas.RenderedVideo, job"
    })
    void shouldResolveWithTheSchemaBeforeTheField(String type, String field) throws Exception {
        Schema now = (Schema) Class.forName(type).getField("SCHEMA$").get(null);
        Schema before = without(now, field);

        assertThat(before.getField(field)).isNull();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, before).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, now).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldReadATaskWrittenBeforeAlternativesWithNone() throws Exception {
        Schema before = without(SceneTask.getClassSchema(), "alternatives");
        GenericRecord old = new GenericData.Record(before);
        old.put("requestId", "r");
        old.put("runId", "run");
        old.put("language", "en");
        old.put("sceneCount", 1);
        old.put("spec", GenericData.get().deepCopy(before.getField("spec").schema(), spec()));
        old.put("scene", GenericData.get().deepCopy(before.getField("scene").schema(), scene()));
        old.put("asset", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(before).write(old, encoder);
        encoder.flush();

        SceneTask read =
                new SpecificDatumReader<SceneTask>(before, SceneTask.getClassSchema())
                        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read.getRequestId()).isEqualTo("r");
        assertThat(read.getAlternatives()).isEmpty();
    }

    /** {@code schema} as it was before {@code field} was added. */
    private static Schema without(Schema schema, String field) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
        ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(field)) {
                fields.remove(i);
                break;
            }
        }
        return new Schema.Parser().parse(JSON.writeValueAsString(json));
    }

    private static RenderSpec spec() {
        return RenderSpec.newBuilder()
                .setWidth(320)
                .setHeight(180)
                .setFps(25)
                .setTargetDurationSeconds(4)
                .setSubtitles(false)
                .build();
    }

    private static Scene scene() {
        return Scene.newBuilder()
                .setIndex(0)
                .setText("A zeppelin.")
                .setStartSeconds(0)
                .setEndSeconds(4)
                .setKeywords(List.of("zeppelin"))
                .setPrompt("a zeppelin")
                .build();
    }
}
