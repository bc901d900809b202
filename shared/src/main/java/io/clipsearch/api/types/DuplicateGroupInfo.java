package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Images that look the same.
 *
 * @param keep the path suggested to keep (most pixels, then largest file, then earliest date)
 * @param members every member, the one to keep first
 */
@Serdeable
public record DuplicateGroupInfo(String keep, List<DuplicateImage> members) {}
