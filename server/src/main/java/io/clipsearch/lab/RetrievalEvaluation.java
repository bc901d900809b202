package io.clipsearch.lab;

import io.clipsearch.model.ClipModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Image-text retrieval of a model on a {@link CaptionDataset} (the Flickr30k/COCO protocol, five
 * captions per image): text→image and image→text Recall@1/5/10 and median rank, plus the modality
 * gap of the same vectors.
 *
 * <p>Every caption and every image is embedded once; the full images × captions cosine matrix is
 * scored ({@link RetrievalMetrics}). Images that cannot be decoded are reported and left out with
 * their captions. Not thread-safe per instance; the model is borrowed, not closed.
 */
public final class RetrievalEvaluation {

  private final ClipModel model;

  public RetrievalEvaluation(ClipModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * @param source what to call the dataset in the result (the captions file)
   * @throws IllegalArgumentException if no image could be embedded
   * @throws io.clipsearch.model.EmbeddingException if the engine fails
   */
  public RetrievalResult run(CaptionDataset data, String source, Consumer<Progress> progress) {
    long start = System.nanoTime();
    ImageVectors images = ImageVectors.embed(model, data.images(), progress);
    if (images.vectors().isEmpty()) {
      throw new IllegalArgumentException("no image of " + source + " could be embedded");
    }
    double imageSeconds = (System.nanoTime() - start) / 1e9;
    Map<Integer, Integer> row = new HashMap<>();
    List<String> imageNames = new ArrayList<>();
    for (int i = 0; i < images.indices().size(); i++) {
      row.put(images.indices().get(i), i);
      imageNames.add(data.images().get(images.indices().get(i)).getFileName().toString());
    }
    List<String> captions = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    int[] captionImage = data.captionImage();
    for (int c = 0; c < captionImage.length; c++) {
      Integer r = row.get(captionImage[c]);
      if (r != null) {
        captions.add(data.captions().get(c));
        owners.add(r);
      }
    }
    List<float[]> texts = model.embedTexts(captions);
    SimilarityMatrix scores = SimilarityMatrix.of(imageNames, images.vectors(), captions, texts);
    RetrievalMetrics metrics =
        RetrievalMetrics.of(scores, owners.stream().mapToInt(Integer::intValue).toArray());
    return new RetrievalResult(
        model.info().id(),
        source,
        imageNames.size(),
        captions.size(),
        metrics,
        ModalityGap.of(images.vectors(), texts),
        images.failures(),
        (System.nanoTime() - start) / 1e9,
        data.images().size() / imageSeconds);
  }
}
