package io.clipsearch.api;

import io.clipsearch.api.types.PlaceInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
import io.clipsearch.index.ImageIndex;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a collection's photos were taken, for the app's places map: the GPS positions the index
 * holds (from EXIF at ingest), paged in path order, and the photos inside an area, newest first.
 * Reads through {@link ImageIndex#forEach} (one pass per request, no vectors kept): a page of a
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
          collection,
          true,
          PhotoBrowser.newest(
              index(collection), d -> box.contains(d.metadata()), page.offset(), page.limit()),
          start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void forEach(String collection, ImageIndex.DocumentVisitor visitor) {
    try {
      index(collection).forEach(visitor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImageIndex index(String collection) {
    return collections.get(collection).index();
  }
}
