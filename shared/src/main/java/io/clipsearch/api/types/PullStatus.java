package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A model's pull: sent by {@code POST}, {@code GET} and {@code DELETE /api/models/{name}/pull}.
 *
 * @param model the model's name
 * @param state {@code RUNNING} (downloading), {@code VERIFYING} (loading and checking the folder),
 *     {@code VERIFIED} (done, every check passed), {@code FAILED} (the message says why; a failed
 *     verification lists its checks), {@code CANCELLED} (the part files stay: the next pull
 *     resumes) or {@code OFFLINE} (the hub cannot be reached: the message says how to place the
 *     folder by hand)
 * @param file the file being downloaded, or null
 * @param bytesDone bytes of the model on disk so far
 * @param bytesTotal bytes of the model in all; 0 until the hub has listed its files
 * @param message what went wrong and what to do, for people; null while all is well
 * @param checks the verification's checks, empty until it ran
 */
@Serdeable
public record PullStatus(
    String model,
    String state,
    @Nullable String file,
    long bytesDone,
    long bytesTotal,
    @Nullable String message,
    List<ModelCheck> checks) {}
