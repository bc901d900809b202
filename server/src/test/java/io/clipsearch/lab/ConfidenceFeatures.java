package io.clipsearch.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.Vectors;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import io.clipsearch.search.SearchSession;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes, for each judged query of a relevance set, the features a confidence rule could use, one
 * JSON line per query: the query's background (median and MAD of its cosines with the sample the
 * cutoff uses), and for each of its first {@link SearchEvaluation#DEPTH} hybrid hits the cosine,
 * the name match, the relevance judgment and the image's ten best vocabulary labels (cosine to the
 * image and to the query). What docs/SEARCH.md's confidence figures were fitted on.
 *
 * <pre>java -cp server/target/test-classes:server/target/classes:server/target/lib/* \
 *   io.clipsearch.lab.ConfidenceFeatures MODEL DATA COLLECTION QUERIES.tsv [LABELS.tsv] OUT.jsonl
 * </pre>
 */
public final class ConfidenceFeatures {

  private static final int LABELS_PER_HIT = 10;
  private static final int BACKGROUND = 512;

  private ConfidenceFeatures() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path data = Path.of(args[1]);
    String collection = args[2];
    List<JudgedQuery> queries = JudgedQuery.read(Path.of(args[3]));
    Map<String, List<String>> labels =
        args.length > 5 ? RelevanceKeys.readLabels(Path.of(args[4])) : Map.of();
    Path out = Path.of(args[args.length - 1]);
    ObjectMapper json = new ObjectMapper();
    try (ClipModel model = ClipModels.load(modelDir);
        OpenCollection c = CollectionOpener.embedded(data, model).openIndexed(collection);
        BufferedWriter w = Files.newBufferedWriter(out)) {
      RelevanceKeys keys = RelevanceKeys.of(c.backend(), labels);
      LabelVocabulary vocabulary = LabelVocabulary.defaults();
      float[][] labelVectors =
          new ClassVectorCache(CollectionLayout.classVectorsDir(data))
              .classVectors(
                  model.info(), vocabulary.ensemble(), vocabulary.labels(), model::embedTexts)
              .toArray(float[][]::new);
      for (JudgedQuery q : queries) {
        SearchResponse r =
            c.search()
                .search(
                    SearchRequest.of(q.query())
                        .withMode(SearchMode.HYBRID)
                        .withCutoff(null, false)
                        .withPage(0, SearchEvaluation.DEPTH));
        float[] query = model.embedText(q.query());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("query", q.query());
        line.put("relevantTotal", keys.relevantCount(q));
        line.put("threshold", r.threshold());
        List<Map<String, Object>> hits = new ArrayList<>();
        try (SearchSession s = c.backend().session()) {
          double[] bg = s.backgroundScores(query, BACKGROUND);
          double median = median(bg);
          double[] dev = Arrays.stream(bg).map(x -> Math.abs(x - median)).toArray();
          line.put("bgMedian", median);
          line.put("bgMad", median(dev));
          for (SearchHit h : r.hits()) {
            ImageDoc doc = s.findById(h.id()).orElseThrow();
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("cos", h.score());
            hit.put("matchedBy", h.matchedBy() == null ? null : h.matchedBy().apiName());
            hit.put("relevant", keys.relevant(Path.of(h.path()), q));
            double[] toImage = new double[labelVectors.length];
            Integer[] order = new Integer[labelVectors.length];
            for (int l = 0; l < labelVectors.length; l++) {
              toImage[l] = Vectors.dot(doc.vector(), labelVectors[l]);
              order[l] = l;
            }
            Arrays.sort(order, (a, b) -> Double.compare(toImage[b], toImage[a]));
            List<double[]> top = new ArrayList<>();
            for (int k = 0; k < LABELS_PER_HIT; k++) {
              int l = order[k];
              top.add(new double[] {toImage[l], Vectors.dot(query, labelVectors[l])});
            }
            hit.put("labels", top);
            hits.add(hit);
          }
        }
        line.put("hits", hits);
        w.write(json.writeValueAsString(line));
        w.newLine();
      }
    }
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
