package io.clipsearch.api;

import io.clipsearch.api.types.PlaceInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.search.SearchSession;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a collection's photos were taken, for the app's places map: the GPS positions the index
 * holds (from EXIF at ingest), paged in path order, and the photos inside an area, newest first.
 * Reads through {@link SearchSession#forEach} (one pass per request, no vectors kept): a page of a
 * 100,000-photo collection costs one scan. Thread-safe (stateless).
 */
@Singleton
public class PlaceService {

  private final CollectionService collections;

  public PlaceService(CollectionService collections) {
    this.collections = collections;
  }

  /** A page of the positions of the collection's photos that have one. */
  public PlaceList places(String collection, PageRequest page) {
    record Located(Path path, PlaceInfo place) {}
    List<Located> all = new ArrayList<>();
    forEach(
        collection,
        d -> {
          if (d.metadata().latitude().isPresent() && d.metadata().longitude().isPresent()) {
            all.add(
                new Located(
                    d.path(),
                    new PlaceInfo(
                        d.id(), d.metadata().latitude().get(), d.metadata().longitude().get())));
          }
        });
    all.sort(Comparator.comparing(Located::path));
    int from = Math.min(page.offset(), all.size());
    int to = Math.min(all.size(), from + page.limit());
    return new PlaceList(
        collection, all.size(), all.subList(from, to).stream().map(Located::place).toList());
  }

  /** The photos taken inside {@code box}, newest first, as a search response. */
  public SearchResults photosIn(String collection, GeoBox box, PageRequest page) {
    long start = System.nanoTime();
    try {
      return PhotoPages.of(
          collection, true, page(collection, d -> box.contains(d.metadata()), page), start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PhotoBrowser.Page page(String collection, Predicate<ImageDoc> keep, PageRequest page)
      throws IOException {
    try (SearchSession session = collections.get(collection).backend().session()) {
      return PhotoBrowser.newest(session, keep, page.offset(), page.limit());
    }
  }

  private void forEach(String collection, SearchSession.DocumentVisitor visitor) {
    try (SearchSession session = collections.get(collection).backend().session()) {
      session.forEach(visitor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
