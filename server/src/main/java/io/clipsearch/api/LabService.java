package io.clipsearch.api;

import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.LabMatrixRequest;
import io.clipsearch.api.types.LabMatrixResponse;
import io.clipsearch.api.types.LabMatrixRow;
import io.clipsearch.api.types.LabSearchEvalRequest;
import io.clipsearch.api.types.LabZeroShotPrediction;
import io.clipsearch.api.types.LabZeroShotRequest;
import io.clipsearch.api.types.LabZeroShotResponse;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.lab.JudgedQuery;
import io.clipsearch.lab.ModalityGap;
import io.clipsearch.lab.PromptTemplates;
import io.clipsearch.lab.RelevanceKeys;
import io.clipsearch.lab.SearchEvalResult;
import io.clipsearch.lab.SearchEvaluation;
import io.clipsearch.lab.SimilarityMatrix;
import io.clipsearch.lab.ZeroShotClassifier;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.Scoring;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchSession;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lab over HTTP: similarity matrices and zero-shot predictions for indexed images, using the
 * vectors stored in the collection's index (no image is re-embedded), and search evaluations of the
 * served search. Maps API types to {@code lab}. Thread-safe.
 */
@Singleton
public class LabService {

  private final CollectionService collections;
  private final ClipModel model;

  public LabService(CollectionService collections, ClipModel model) {
    this.collections = collections;
    this.model = model;
  }

  /** The model family's own scoring, at the request's logit scale when it gives one. */
  private Scoring scoring(Double logitScale) {
    return logitScale == null ? model.scoring() : model.scoring().withLogitScale(logitScale);
  }

  /**
   * @throws NotFoundException if an image id is not in the collection
   */
  public LabMatrixResponse matrix(LabMatrixRequest r) {
    RequestLists.noNulls("imageIds", r.imageIds());
    RequestLists.noNulls("texts", r.texts());
    List<float[]> images = vectors(r.collection(), r.imageIds());
    List<float[]> texts = model.embedTexts(r.texts());
    Scoring scoring = scoring(r.logitScale());
    SimilarityMatrix m = SimilarityMatrix.of(r.imageIds(), images, r.texts(), texts);
    float[][] cosine = m.cosine();
    float[][] probabilities = m.rowProbabilities(scoring);
    List<LabMatrixRow> rows = new ArrayList<>();
    for (int i = 0; i < cosine.length; i++) {
      rows.add(new LabMatrixRow(r.imageIds().get(i), cosine[i], probabilities[i]));
    }
    return new LabMatrixResponse(
        model.info().id(),
        r.texts(),
        rows,
        scoring.logitScale(),
        ModalityGap.of(images, texts).centroidDistance());
  }

  /**
   * @throws NotFoundException if an image id is not in the collection
   * @throws IllegalArgumentException if a template lacks {@code {}}
   */
  public LabZeroShotResponse zeroShot(LabZeroShotRequest r) {
    RequestLists.noNulls("imageIds", r.imageIds());
    RequestLists.noNulls("labels", r.labels());
    RequestLists.noNullElements("templates", r.templates());
    List<float[]> images = vectors(r.collection(), r.imageIds());
    PromptTemplates templates =
        r.templates() == null
            ? PromptTemplates.OPENAI_SUBSET_7
            : new PromptTemplates("request", r.templates());
    Scoring scoring = scoring(r.logitScale());
    ZeroShotClassifier classifier = ZeroShotClassifier.build(model, r.labels(), templates);
    float[][] probabilities = classifier.scores(r.imageIds(), images).rowProbabilities(scoring);
    List<LabZeroShotPrediction> predictions = new ArrayList<>();
    for (int i = 0; i < probabilities.length; i++) {
      int best = 0;
      for (int c = 1; c < probabilities[i].length; c++) {
        if (probabilities[i][c] > probabilities[i][best]) {
          best = c;
        }
      }
      predictions.add(
          new LabZeroShotPrediction(r.imageIds().get(i), r.labels().get(best), probabilities[i]));
    }
    return new LabZeroShotResponse(
        model.info().id(), r.labels(), templates.templates(), scoring.logitScale(), predictions);
  }

  /**
   * Scores the collection's served search on the request's judged queries, in each mode.
   *
   * @throws NotFoundException if the collection does not exist
   * @throws IllegalArgumentException if a mode is unknown or a query is malformed
   */
  public SearchEvalResult searchEval(LabSearchEvalRequest r) {
    RequestLists.noNulls("queries", r.queries());
    RequestLists.noNullElements("modes", r.modes());
    RequestLists.noNullValues("labels", r.labels());
    List<SearchMode> modes =
        r.modes() == null
            ? List.of(SearchMode.values())
            : r.modes().stream()
                .map(m -> SearchService.named("modes", SearchMode.class, m))
                .distinct()
                .toList();
    List<JudgedQuery> judged =
        r.queries().stream()
            .map(
                q -> {
                  RequestLists.noNulls("relevant", q.relevant());
                  return new JudgedQuery(
                      q.query(),
                      q.relevant().stream()
                          .map(k -> k.strip().toLowerCase(Locale.ROOT))
                          .collect(Collectors.toSet()));
                })
            .toList();
    OpenCollection c = collections.get(r.collection());
    List<SearchEvaluation.Variant> variants =
        modes.stream().map(m -> SearchEvaluation.Variant.of(c.search(), m)).toList();
    try {
      RelevanceKeys keys =
          RelevanceKeys.of(c.backend(), r.labels() == null ? Map.of() : r.labels());
      return new SearchEvaluation(keys).run(c.name(), judged, variants, p -> {});
    } catch (IOException e) {
      throw new UncheckedIOException("evaluating " + c.name() + " failed: " + e.getMessage(), e);
    } catch (ImageDecodeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private List<float[]> vectors(String collection, List<String> ids) {
    OpenCollection c = collections.get(collection);
    List<float[]> out = new ArrayList<>(ids.size());
    try (SearchSession session = c.backend().session()) {
      for (String id : ids) {
        ImageDoc doc =
            session
                .findById(id)
                .orElseThrow(
                    () -> new NotFoundException("no image " + id + " in collection " + c.name()));
        out.add(doc.vector());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
