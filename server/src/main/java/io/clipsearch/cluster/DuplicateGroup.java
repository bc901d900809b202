package io.clipsearch.cluster;

import java.util.List;
import java.util.Objects;

/**
 * Images that look the same: exact copies (same content id, different paths) or near copies
 * (re-encodes, resizes, burst shots) whose cosine is above the threshold.
 *
 * @param keep the suggested one to keep
 * @param members every image of the group, {@code keep} first, with its cosine to {@code keep}
 */
public record DuplicateGroup(IndexedImage keep, List<Member> members) {

  /** One image of a group and its cosine to the one to keep. */
  public record Member(IndexedImage image, double similarity) {
    public Member {
      Objects.requireNonNull(image, "image");
    }
  }

  /**
   * @throws IllegalArgumentException if there are fewer than two members or the first is not {@code
   *     keep}
   */
  public DuplicateGroup {
    Objects.requireNonNull(keep, "keep");
    members = List.copyOf(members);
    if (members.size() < 2 || !members.getFirst().image().equals(keep)) {
      throw new IllegalArgumentException("a group has at least two members, the kept one first");
    }
  }
}
