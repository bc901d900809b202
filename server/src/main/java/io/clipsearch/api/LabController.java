package io.clipsearch.api;

import io.clipsearch.api.types.LabMatrixRequest;
import io.clipsearch.api.types.LabMatrixResponse;
import io.clipsearch.api.types.LabSearchEvalRequest;
import io.clipsearch.api.types.LabZeroShotRequest;
import io.clipsearch.api.types.LabZeroShotResponse;
import io.clipsearch.lab.SearchEvalResult;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.validation.Valid;

/**
 * The lab for indexed images: {@code POST /api/lab/matrix} (image × text cosines and
 * probabilities), {@code POST /api/lab/zeroshot} (label probabilities per image) and {@code POST
 * /api/lab/search-eval} (the served search scored on judged queries).
 */
// the evaluation's own records are the response, imported so that lab stays free of Micronaut
@SerdeImport(SearchEvalResult.class)
@SerdeImport(SearchEvalResult.VariantFigures.class)
@SerdeImport(SearchEvalResult.QueryFigures.class)
@Controller("/api/lab")
@ExecuteOn(HeavyRequests.EXECUTOR)
public class LabController {

  private final LabService lab;

  public LabController(LabService lab) {
    this.lab = lab;
  }

  @Post(uri = "/matrix", consumes = MediaType.APPLICATION_JSON)
  public LabMatrixResponse matrix(@Body @Valid LabMatrixRequest request) {
    return lab.matrix(request);
  }

  @Post(uri = "/zeroshot", consumes = MediaType.APPLICATION_JSON)
  public LabZeroShotResponse zeroShot(@Body @Valid LabZeroShotRequest request) {
    return lab.zeroShot(request);
  }

  @Post(uri = "/search-eval", consumes = MediaType.APPLICATION_JSON)
  public SearchEvalResult searchEval(@Body @Valid LabSearchEvalRequest request) {
    return lab.searchEval(request);
  }
}
