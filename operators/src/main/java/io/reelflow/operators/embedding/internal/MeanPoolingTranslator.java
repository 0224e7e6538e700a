package io.reelflow.operators.embedding.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * One text in, its sentence vector out: the word pieces as {@code input_ids}, {@code
 * attention_mask} and {@code token_type_ids} (the input names of the MiniLM ONNX export), then the
 * mean of the token vectors of {@code last_hidden_state}, L2-normalised. The pooling is a loop over
 * a few thousand floats, done in Java so the ONNX Runtime engine needs no second engine for it.
 */
public final class MeanPoolingTranslator implements NoBatchifyTranslator<String, float[]> {

    private static final String MASK = "mask";

    private final HuggingFaceTokenizer tokenizer;

    public MeanPoolingTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String input) {
        Encoding encoding = tokenizer.encode(input);
        long[] mask = encoding.getAttentionMask();
        ctx.setAttachment(MASK, mask);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(1, mask.length);
        NDArray ids = manager.create(encoding.getIds(), shape);
        ids.setName("input_ids");
        NDArray attention = manager.create(mask, shape);
        attention.setName("attention_mask");
        NDArray types = manager.create(encoding.getTypeIds(), shape);
        types.setName("token_type_ids");
        return new NDList(ids, attention, types);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        long[] mask = (long[]) ctx.getAttachment(MASK);
        float[] hidden = list.get(0).toFloatArray();
        int dimensions = hidden.length / mask.length;
        return meanPool(hidden, mask, dimensions);
    }

    /** The L2-normalised mean of the vectors whose mask is 1 ({@code hidden} is tokens × dims). */
    static float[] meanPool(float[] hidden, long[] mask, int dimensions) {
        float[] sum = new float[dimensions];
        int counted = 0;
        for (int token = 0; token < mask.length; token++) {
            if (mask[token] == 0) {
                continue;
            }
            counted++;
            int offset = token * dimensions;
            for (int d = 0; d < dimensions; d++) {
                sum[d] += hidden[offset + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= Math.max(1, counted);
            norm += (double) sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < dimensions; d++) {
                sum[d] = (float) (sum[d] / norm);
            }
        }
        return sum;
    }
}
