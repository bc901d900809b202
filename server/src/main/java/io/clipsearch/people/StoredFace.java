package io.clipsearch.people;

import io.clipsearch.faces.Face;
import java.util.Objects;

/** A face as the {@link FaceStore} keeps it: where it is, and what was found. Immutable. */
public record StoredFace(FaceId id, Face face) {

  public StoredFace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(face, "face");
  }
}
