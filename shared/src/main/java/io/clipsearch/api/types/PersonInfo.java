package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A person of a collection: faces the server grouped (or people merged), and the name given.
 *
 * @param id stable while the person exists
 * @param name null while unnamed
 * @param hidden hidden persons are listed only with {@code hidden=true}
 * @param faceCount all its faces
 * @param photoCount the photos they are in
 * @param faces its first faces (at most {@code faces} of the request), for thumbnails
 */
@Serdeable
public record PersonInfo(
    int id,
    @Nullable String name,
    boolean hidden,
    int faceCount,
    int photoCount,
    List<FaceInfo> faces) {}
