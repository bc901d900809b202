package io.clipsearch.cli;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.lab.JudgedQuery;
import io.clipsearch.lab.RelevanceKeys;
import io.clipsearch.lab.SearchEvalResult;
import io.clipsearch.lab.SearchEvaluation;
import io.clipsearch.model.ClipModel;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clipsearch lab search-eval}: the served search pipeline scored on judged queries. */
@Command(
    name = "search-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score the search people get (query language, kNN, keywords, fusion, cutoff)",
      "on judged queries: P@1/5/10, R@10/100, nDCG@10, MRR, and the confident set's",
      "precision and recall, per mode. Queries file: query<TAB>relevant folder label, file",
      "name or id[,…] per line; --labels maps file names to labels for anonymized names."
    })
final class LabSearchEvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions;

  @Mixin CollectionOptions collectionOptions;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "F",
      description = "judged queries (TSV)")
  Path queries;

  @Option(
      names = "--labels",
      paramLabel = "F",
      description = "file name<TAB>label[,label…] per line")
  Path labels;

  @Option(
      names = "--modes",
      split = ",",
      paramLabel = "M",
      defaultValue = "vector,keyword,hybrid",
      description = "modes to compare (default: ${DEFAULT-VALUE})")
  List<SearchMode> modes;

  @Option(
      names = "--cutoff-z",
      split = ",",
      paramLabel = "Z",
      description = "also run hybrid with these cutoff z values (to choose the default)")
  List<Double> cutoffZ = List.of();

  @Option(
      names = "--min-cosine",
      split = ",",
      paramLabel = "C",
      description =
          "also run hybrid with these confidence floors (-1: none), to fit a model's "
              + "calibration.json; with --cutoff-z, every pair")
  List<Double> minCosine = List.of();

  @Option(names = "--json", paramLabel = "F", description = "write the full result as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    List<JudgedQuery> judged = JudgedQuery.read(queries);
    Map<String, List<String>> labelMap =
        labels == null ? Map.of() : RelevanceKeys.readLabels(labels);
    try (ClipModel model = modelOptions.load();
        OpenCollection c = collectionOptions.open(model)) {
      HybridSearch service = c.search();
      List<SearchEvaluation.Variant> variants = new ArrayList<>();
      for (SearchMode m : modes) {
        variants.add(SearchEvaluation.Variant.of(service, m));
      }
      SearchSettings served = SearchSettings.DEFAULTS.calibratedFor(model.info());
      for (SearchSettings s : grid(served)) {
        String name =
            String.format(Locale.ROOT, "hybrid z=%.1f floor=%.2f", s.cutoffZ(), s.matchFloor());
        variants.add(
            new SearchEvaluation.Variant(
                name, new HybridSearch(c.backend(), model, s), SearchMode.HYBRID));
      }
      SearchEvalResult result =
          new SearchEvaluation(RelevanceKeys.of(c.backend(), labelMap))
              .run(
                  queries.getFileName().toString(),
                  judged,
                  variants,
                  LabOutput.progress(spec.commandLine().getErr(), "searches"));
      LabOutput.print(spec.commandLine().getOut(), result.table());
      if (json != null) {
        LabOutput.writeJson(result, json);
      }
    }
    return 0;
  }

  /** The extra variants: every asked z with every asked floor, the served value for the other. */
  private List<SearchSettings> grid(SearchSettings served) {
    List<SearchSettings> out = new ArrayList<>();
    if (cutoffZ.isEmpty() && minCosine.isEmpty()) {
      return out;
    }
    List<Double> zs = cutoffZ.isEmpty() ? List.of(served.cutoffZ()) : cutoffZ;
    List<Double> floors = minCosine.isEmpty() ? List.of(served.matchFloor()) : minCosine;
    for (double z : zs) {
      for (double floor : floors) {
        out.add(served.withCutoffZ(z).withMatchFloor(floor));
      }
    }
    return out;
  }
}
