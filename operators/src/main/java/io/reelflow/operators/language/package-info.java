/**
 * Stage 1 of the pipeline: which language a request is written in. {@link
 * io.reelflow.operators.language.LanguageDetector} wraps Lingua behind a small API that honours the
 * request's language hint and falls back to a configured language when unsure.
 */
package io.reelflow.operators.language;
