package io.clipsearch.api;

import io.clipsearch.api.types.LabMatrixRequest;
import io.clipsearch.api.types.LabMatrixResponse;
import io.clipsearch.api.types.LabZeroShotRequest;
import io.clipsearch.api.types.LabZeroShotResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

/**
 * The lab for indexed images: {@code POST /api/lab/matrix} (image × text cosines and
 * probabilities) and {@code POST /api/lab/zeroshot} (label probabilities per image).
 */
@Controller("/api/lab")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LabController {

  private final LabApi lab;

  public LabController(LabApi lab) {
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
}
