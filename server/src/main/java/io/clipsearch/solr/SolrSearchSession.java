package io.clipsearch.solr;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.FileState;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.search.Modality;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of a {@link SolrImageIndex}, each its own request: SolrCloud keeps no point-in-time
 * view across requests, so a document deleted between ranking and loading the page is left out of
 * it. Holds nothing; closing is a no-op.
 */
final class SolrSearchSession implements SearchSession {

  private final SolrImageIndex index;

  SolrSearchSession(SolrImageIndex index) {
    this.index = index;
  }

  @Override
  public List<ScoredImage> nearest(float[] query, int k, SearchFilters filters, Modality modality)
      throws IOException {
    // Solr's kNN query sizes its own beam (topK, per shard): the modality does not change it
    return index.nearest(query, k, filters);
  }

  @Override
  public List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException {
    return index.keywords(text, query, n, filters);
  }

  @Override
  public double[] backgroundScores(float[] query, int n) throws IOException {
    return index.backgroundScores(query, n);
  }

  /** By path, in one real-time get per URL-sized chunk. */
  @Override
  public List<ImageFacts> facts(List<ScoredImage> hits) throws IOException {
    return index.facts(hits.stream().map(ScoredImage::path).toList());
  }

  @Override
  public Optional<ImageDoc> findById(String id) throws IOException {
    return index.findById(id);
  }

  @Override
  public Optional<ImageDoc> findByPath(Path path) throws IOException {
    return index.findByPath(path);
  }

  @Override
  public Map<Path, FileState> fileStatesOf(List<Path> paths) throws IOException {
    return index.fileStatesOf(paths);
  }

  @Override
  public List<FileState> fileStates(Path root) throws IOException {
    return index.fileStates(root);
  }

  /** One sorted query that returns only the page. */
  @Override
  public FactsPage newest(SearchFilters filters, int offset, int limit) throws IOException {
    return index.newest(filters, offset, limit);
  }

  /** By cursor over the collection as it is while visiting: Solr keeps no view. */
  @Override
  public void forEach(DocumentVisitor visitor) throws IOException {
    index.forEach(visitor);
  }

  @Override
  public void close() {
    // nothing held
  }
}
