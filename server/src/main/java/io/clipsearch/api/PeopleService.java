package io.clipsearch.api;

import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.ClusterImage;
import io.clipsearch.api.types.FaceInfo;
import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.PersonPhotos;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.ingest.RootedFile;
import io.clipsearch.people.FaceId;
import io.clipsearch.people.People;
import io.clipsearch.people.Person;
import io.clipsearch.search.SearchSession;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persons of a collection for the API: listing them with face crops, their photos, and the
 * changes people make (name, hide, merge, split, delete), each written before it returns. Crops are
 * served from the collection's face folder only. Thread-safe, as {@link People} is.
 */
@Singleton
public class PeopleService {

  private final CollectionRegistry collections;

  public PeopleService(CollectionRegistry collections) {
    this.collections = collections;
  }

  /** The persons, most faces first, each with up to {@code faces} faces. */
  public PeopleList list(String collection, boolean withHidden, int faces) {
    if (faces < 0) {
      throw new IllegalArgumentException("faces must not be negative, got " + faces);
    }
    OpenCollection c = collections.get(collection);
    People people = c.people();
    return new PeopleList(
        people.list(withHidden).stream().map(p -> info(c.name(), p, faces)).toList(),
        people.waiting());
  }

  /**
   * The person, with every face, and the indexed photos it is in.
   *
   * @throws NotFoundException if there is no such person
   */
  public PersonPhotos photos(String collection, int id) {
    OpenCollection c = collections.get(collection);
    Person p = person(c, id);
    List<ClusterImage> photos = new ArrayList<>();
    try (SearchSession session = c.backend().session()) {
      for (String image : p.contentIds()) {
        Optional<ImageDoc> doc = session.findById(image);
        doc.ifPresent(
            d ->
                photos.add(
                    new ClusterImage(
                        image, d.path().toString(), ImageUrls.thumbnail(image, c.name()))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read collection " + c.name(), e);
    }
    return new PersonPhotos(info(c.name(), p, Integer.MAX_VALUE), photos);
  }

  /**
   * Applies a change: name, hidden, merge, split, in that order.
   *
   * @throws NotFoundException if there is no such person (or person to merge from)
   * @throws IllegalArgumentException if the change is empty, merges a person into itself, or splits
   *     off a face that is not the person's
   */
  public PersonInfo change(String collection, int id, PersonChange change) {
    if (change.name() == null
        && change.hidden() == null
        && change.mergeFrom() == null
        && change.splitFace() == null) {
      throw new IllegalArgumentException("a change needs name, hidden, mergeFrom or splitFace");
    }
    OpenCollection c = collections.get(collection);
    People people = c.people();
    person(c, id);
    try {
      if (change.name() != null) {
        people.name(id, change.name());
      }
      if (change.hidden() != null) {
        people.hide(id, change.hidden());
      }
      if (change.mergeFrom() != null) {
        person(c, change.mergeFrom());
        people.merge(id, change.mergeFrom());
      }
      if (change.splitFace() != null) {
        people.split(id, FaceId.parse(change.splitFace()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the persons of " + c.name(), e);
    }
    return people
        .get(id)
        .map(p -> info(c.name(), p, Integer.MAX_VALUE))
        .orElseThrow(() -> new NotFoundException("person " + id + " has no faces left"));
  }

  /**
   * Deletes a person and its faces' descriptors and crops.
   *
   * @throws NotFoundException if there is no such person
   */
  public void delete(String collection, int id) {
    OpenCollection c = collections.get(collection);
    person(c, id);
    try {
      c.people().delete(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete person " + id + " of " + c.name(), e);
    }
  }

  /**
   * A face's crop, opened (the caller closes it): only a regular file in the face folder.
   *
   * @throws NotFoundException if the face has no crop
   * @throws IllegalArgumentException if the face id is malformed
   */
  ServedImage crop(String collection, String faceId) {
    OpenCollection c = collections.get(collection);
    FaceId face = FaceId.parse(faceId);
    NotFoundException none = new NotFoundException("no face " + faceId);
    var store = c.people().store();
    try {
      return new ServedImage(
          RootedFile.open(
              store.crop(face.contentId(), face.n()).orElseThrow(() -> none),
              List.of(store.directory()),
              false),
          MediaType.IMAGE_JPEG_TYPE);
    } catch (IOException e) {
      throw none;
    }
  }

  private static Person person(OpenCollection c, int id) {
    return c.people()
        .get(id)
        .orElseThrow(() -> new NotFoundException("no person " + id + " in " + c.name()));
  }

  private static PersonInfo info(String collection, Person p, int faces) {
    return new PersonInfo(
        p.id(),
        p.name(),
        p.hidden(),
        p.faces().size(),
        p.contentIds().size(),
        p.faces().stream()
            .limit(faces)
            .map(
                f ->
                    new FaceInfo(
                        f.toString(), f.contentId(), ImageUrls.faceCrop(f.toString(), collection)))
            .toList());
  }
}
