/**
 * The audio track of a rendered video: {@link io.reelflow.operators.render.audio.AudioMixer} mixes
 * a music bed and/or a narration into a 48 kHz stereo WAV as long as the video, ducked, faded and
 * loudness-normalised (EBU R128), for the video writer to encode as AAC into the MP4.
 *
 * <p>All signal processing is FFmpeg's own filters ({@code sidechaincompress}, {@code amix}, {@code
 * afade}, {@code apad}/{@code atrim}, {@code ebur128}, {@code loudnorm}) through JavaCV: they are
 * measured against the standard, fast, and stream frame by frame, so a long video never holds its
 * whole track in memory. Java only schedules the decoders and restarts a short music file (FFmpeg's
 * {@code aloop} would buffer the whole file).
 */
package io.reelflow.operators.render.audio;
